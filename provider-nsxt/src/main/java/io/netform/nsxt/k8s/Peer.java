package io.netform.nsxt.k8s;

/** One item of a rule's {@code from} or {@code to}: pods by selectors, or an IP block. */
public sealed interface Peer permits PodPeer, IpBlockPeer {}
