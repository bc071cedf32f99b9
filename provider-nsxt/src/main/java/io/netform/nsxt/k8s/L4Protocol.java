package io.netform.nsxt.k8s;

/** The protocols a NetworkPolicy port may name. */
public enum L4Protocol {
    TCP,
    UDP,
    SCTP
}
