/**
 * The NSX Policy API client: one {@link io.netform.nsxt.api.PolicyClient} over a transport (HTTPS
 * to a manager, or the simulator in-process), with authentication, retries with backoff, NSX's
 * rate and concurrency limits, paging, search and realization waits written once for every
 * resource.
 */
package io.netform.nsxt.api;
