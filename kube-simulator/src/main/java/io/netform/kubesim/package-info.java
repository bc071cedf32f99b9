/**
 * A standalone Kubernetes API for running Netform without a cluster: fabric8's CRUD mock server
 * behind an HTTPS front end with bearer tokens, discovery, server-side apply, a kubeconfig and
 * objects kept on disk.
 */
package io.netform.kubesim;
