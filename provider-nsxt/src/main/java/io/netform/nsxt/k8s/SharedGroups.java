package io.netform.nsxt.k8s;

import io.netform.nsxt.api.NsxApiException;
import io.netform.nsxt.api.PolicyClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Releases the groups a policy stopped using. A group may be shared with other policies of the
 * cluster, so it is deleted without {@code force} and NSX, which refuses to delete a group that
 * rules or sections still refer to, decides: such a group stays. Asking NSX avoids keeping a
 * reference count that concurrent applies would have to update without losing each other's writes.
 */
final class SharedGroups {

    private SharedGroups() {}

    /**
     * Deletes each group that nothing refers to any more.
     *
     * @return the groups kept because other objects still refer to them
     */
    static List<String> release(PolicyClient client, Collection<String> groupPaths) {
        List<String> kept = new ArrayList<>();
        for (String path : groupPaths) {
            try {
                client.delete(path, Map.of());
            } catch (NsxApiException e) {
                if (!e.isStillReferenced()) {
                    throw e;
                }
                kept.add(path);
            }
        }
        return List.copyOf(kept);
    }
}
