/** The object store: the in-memory tree with its indexes, transactions, seed data and persistence as an atomic JSON snapshot and a log of changes. */
package io.netform.nsxsim.store;
