/**
 * Plans: what would change (resource changes with their actions and reasons, output changes, drift),
 * the planner that computes them, and their file and JSON forms; also what plan and apply share in a
 * walk of the configuration, such as custom conditions and check blocks.
 */
package io.netform.plan;
