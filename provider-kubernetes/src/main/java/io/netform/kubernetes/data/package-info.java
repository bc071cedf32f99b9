/** The provider's data sources; each reads with one API call. */
package io.netform.kubernetes.data;
