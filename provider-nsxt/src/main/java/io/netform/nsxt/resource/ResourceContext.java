package io.netform.nsxt.resource;

import io.netform.nsxt.api.PolicyClient;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * What every resource type shares: the client the provider configures, and how long a delete may
 * wait for NSX to release references to the object.
 */
public record ResourceContext(Supplier<PolicyClient> client, Duration deleteWait) {

    /** terraform-provider-nsxt-like patience for references NSX releases asynchronously. */
    public static final Duration DEFAULT_DELETE_WAIT = Duration.ofMinutes(2);
}
