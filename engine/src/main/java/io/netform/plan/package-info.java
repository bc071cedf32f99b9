/**
 * Plans: what would change (resource changes with their actions and reasons, output changes, drift,
 * the results of check blocks), and their plan file and JSON forms.
 */
package io.netform.plan;
