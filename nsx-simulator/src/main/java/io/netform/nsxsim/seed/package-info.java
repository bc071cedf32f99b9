/**
 * Seeding a simulator from a real NSX Manager: the read-only export of the Policy objects a state
 * refers to ({@code nsx-sim export}) and the file a fresh simulator loads them from.
 */
package io.netform.nsxsim.seed;
