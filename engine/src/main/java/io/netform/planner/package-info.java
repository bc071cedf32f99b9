/**
 * The planner: refreshes, plans every resource and data source instance, imports, moves and removals,
 * and records the plan.
 */
package io.netform.planner;
