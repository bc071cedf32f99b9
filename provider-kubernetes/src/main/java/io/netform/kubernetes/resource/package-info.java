/** The provider's resource types: Kubernetes objects with terraform-provider-kubernetes's schemas. */
package io.netform.kubernetes.resource;
