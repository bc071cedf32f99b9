/** The object store: the in-memory tree with its indexes, transactions, seed data and atomic JSON persistence. */
package io.netform.nsxsim.store;
