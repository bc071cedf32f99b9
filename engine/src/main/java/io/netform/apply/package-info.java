/**
 * Applying a plan: creates and updates in dependency order, deletes in reverse dependency order,
 * every completed operation recorded in state at once.
 */
package io.netform.apply;
