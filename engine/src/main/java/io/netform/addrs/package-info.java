/**
 * Addresses of the things Netform manages: module instances, resources, resource instances and
 * provider configurations, with Terraform's textual forms ({@code module.a["x"].nsxt_policy_segment.web[0]})
 * parsed and printed exactly.
 */
package io.netform.addrs;
