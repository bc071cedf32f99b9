/**
 * Plans: what would change (resource changes with their actions and reasons, output changes, drift),
 * the planner that computes them, and their file and JSON forms.
 */
package io.netform.plan;
