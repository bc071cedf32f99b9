package io.netform.nsxsim.model;

/** How an object of a type affects the deletion of the object that contains it. */
public enum ChildRole {
    /** Deleted together with its parent (locale services, rules, service entries). */
    CASCADES,
    /** Refuses its parent's deletion with error 500030 (segments of a tier-1, NAT rules, groups). */
    BLOCKS_PARENT,
    /** A segment port: refuses its segment's deletion with error 503040. */
    PORT
}
