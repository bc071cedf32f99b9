/**
 * The functions of the {@code nsxt} provider, called in configuration as
 * {@code provider::nsxt::NAME(...)}: computations on policy paths and addresses that need no NSX Manager.
 */
package io.netform.nsxt.function;
