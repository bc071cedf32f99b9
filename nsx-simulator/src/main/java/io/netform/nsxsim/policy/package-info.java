/**
 * The Policy API semantics independent of HTTP transport: routing of requests to objects,
 * create-or-merge and replace with revision checks, deletion guards, IP address management,
 * the hierarchical API, realized state, search and the NSX error body.
 */
package io.netform.nsxsim.policy;
