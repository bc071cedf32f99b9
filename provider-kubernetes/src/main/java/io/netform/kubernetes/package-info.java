/**
 * Provider {@code kubernetes} (hashicorp/kubernetes names): its configuration, the fabric8 client
 * it makes and the API calls resources and data sources share.
 */
package io.netform.kubernetes;
