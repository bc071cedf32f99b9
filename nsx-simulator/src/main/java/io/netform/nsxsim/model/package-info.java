/** The Policy object model as data: paths, per-type descriptors and the catalog of managed types. */
package io.netform.nsxsim.model;
