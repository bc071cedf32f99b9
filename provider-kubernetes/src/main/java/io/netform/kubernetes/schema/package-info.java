/** Schema blocks that also convert their values to Kubernetes JSON objects and back. */
package io.netform.kubernetes.schema;
