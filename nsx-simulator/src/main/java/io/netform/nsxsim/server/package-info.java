/**
 * The HTTPS transport of the simulator: TLS with a self-signed certificate, basic and session
 * authentication, NSX's per-user rate and concurrency limits, and fault injection with its
 * admin endpoint.
 */
package io.netform.nsxsim.server;
