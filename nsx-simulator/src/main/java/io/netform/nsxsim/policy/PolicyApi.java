package io.netform.nsxsim.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.nsxsim.model.Json;
import io.netform.nsxsim.model.PolicyPath;
import io.netform.nsxsim.model.TypeCatalog;
import io.netform.nsxsim.store.PolicyStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The Policy API under {@code /policy/api/v1}: routes each request to the object semantics,
 * the hierarchical PATCH, realized state or search, and turns every failure into an NSX error
 * body. Callable in-process; the HTTPS server is one transport over it.
 */
public final class PolicyApi {

    /** The prefix of every Policy API path. */
    public static final String PREFIX = "/policy/api/v1";

    private static final String INFRA = PREFIX + PolicyPath.ROOT;

    private final PolicyStore store;
    private final PolicyObjects objects;
    private final HierarchicalPatch hierarchy;
    private final RealizedStates realization;
    private final GatewayFailover failover = new GatewayFailover();
    private final Clock clock;

    /** The API over a store; objects are realized {@code realizationDelay} after their last change. */
    public PolicyApi(PolicyStore store, PolicyObjects objects, Duration realizationDelay, Clock clock) {
        this.store = store;
        this.objects = objects;
        this.hierarchy = new HierarchicalPatch(objects);
        this.realization = new RealizedStates(objects.catalog(), realizationDelay, clock);
        this.clock = clock;
        EdgeFabric.seed(store, clock.millis());
    }

    /** Takes these failure domains down and every other one up; tier-1s fail over at once. */
    public void setFailedFailureDomains(Set<String> domains) {
        store.read(tree -> {
            failover.setFailedDomains(domains, tree);
            return null;
        });
    }

    /** The object types this API serves. */
    public TypeCatalog catalog() {
        return objects.catalog();
    }

    /** Answers one request; never throws for a client mistake. */
    public ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (ApiException e) {
            return ApiResponse.error(e.error());
        } catch (RuntimeException e) {
            return ApiResponse.error(
                    NsxError.internal("The simulator failed on " + request.method() + " " + request.path() + ": " + e));
        }
    }

    private ApiResponse route(ApiRequest request) {
        String path = request.path();
        if (EdgeFabric.isManagerPath(path)) {
            requireMethod(request, "GET");
            return ApiResponse.json(200, EdgeFabric.managerAnswer(path));
        }
        if (path.equals(PREFIX + "/search/query")) {
            requireMethod(request, "GET");
            return ApiResponse.json(200, store.read(tree -> SearchQuery.run(tree, objects, request.query())));
        }
        if (path.equals(INFRA) || path.equals(INFRA + "/")) {
            requireMethod(request, "PATCH");
            ObjectNode body = parseBody(request);
            boolean enforce = Boolean.parseBoolean(request.query().get("enforce_revision_check"));
            store.write(tx -> {
                hierarchy.apply(tx, body, enforce, request.user());
                return null;
            });
            return ApiResponse.noContent();
        }
        PolicyPath target = path.startsWith(PREFIX + "/") ? PolicyPath.parse(path.substring(PREFIX.length())) : null;
        if (target == null || target.isRoot()) {
            throw new ApiException(NsxError.notFound(path));
        }
        if (TraceflowAnalysis.isResultPath(target)) {
            requireMethod(request, "GET");
            return ApiResponse.json(
                    200, store.read(tree -> TraceflowAnalysis.result(tree, failover, target, clock.millis())));
        }
        if (Tier1GatewayState.isStatePath(target)) {
            requireMethod(request, "GET");
            return ApiResponse.json(
                    200, store.read(tree -> Tier1GatewayState.answer(tree, failover, target, clock.millis())));
        }
        if (path.startsWith(INFRA + "/realized-state/") || realization.isStatePath(target)) {
            requireMethod(request, "GET");
            return ApiResponse.json(200, store.read(tree -> realization.answer(tree, target, request.query())));
        }
        return target.isObject() ? objectRequest(request, target) : collectionRequest(request, target);
    }

    private ApiResponse objectRequest(ApiRequest request, PolicyPath target) {
        objects.typeOf(target);
        String path = target.toString();
        switch (request.method()) {
            case "GET" -> {
                ObjectNode node = store.read(tree -> {
                    ObjectNode found = objects.render(tree, path);
                    return found != null && TraceflowAnalysis.isTraceflow(found)
                            ? TraceflowAnalysis.summary(tree, failover, found, clock.millis())
                            : found;
                });
                if (node == null) {
                    throw new ApiException(NsxError.notFound(path));
                }
                return ApiResponse.json(200, node);
            }
            case "PATCH" -> {
                ObjectNode body = parseBody(request);
                store.write(tx -> {
                    objects.write(tx, target, body, WriteMode.PATCH, request.user());
                    return null;
                });
                return ApiResponse.noContent();
            }
            case "PUT" -> {
                ObjectNode body = parseBody(request);
                return ApiResponse.json(200, store.write(tx -> {
                    objects.write(tx, target, body, WriteMode.PUT, request.user());
                    return objects.render(tx.view(), path);
                }));
            }
            case "DELETE" -> {
                store.write(tx -> {
                    objects.delete(tx, target, DeleteOptions.from(request.query()));
                    return null;
                });
                return ApiResponse.noContent();
            }
            case "POST" -> {
                ObjectNode rerun = store.read(tree -> {
                    ObjectNode found = tree.get(path);
                    return found != null
                                    && TraceflowAnalysis.isTraceflow(found)
                                    && request.query().containsKey("action")
                            ? TraceflowAnalysis.summary(tree, failover, found, clock.millis())
                            : null;
                });
                if (rerun == null) {
                    throw new ApiException(NsxError.methodNotAllowed(request.method(), path));
                }
                return ApiResponse.json(201, rerun);
            }
            default -> throw new ApiException(NsxError.methodNotAllowed(request.method(), path));
        }
    }

    private ApiResponse collectionRequest(ApiRequest request, PolicyPath collection) {
        requireMethod(request, "GET");
        if (objects.catalog().typeAt(collection.pattern() + "/*").isEmpty()) {
            throw new ApiException(NsxError.notFound(collection.toString()));
        }
        return ApiResponse.json(200, store.read(tree -> {
            PolicyPath parent = collection.parentObject();
            if (!parent.isRoot() && !tree.contains(parent.toString())) {
                throw new ApiException(NsxError.notFound(parent.toString()));
            }
            List<String> ids = tree.members(collection.toString());
            ObjectNode page = ListPage.of(ids, request.query(), id -> objects.render(tree, collection + "/" + id));
            page.put("sort_by", "id");
            page.put("sort_ascending", true);
            return page;
        }));
    }

    private static void requireMethod(ApiRequest request, String method) {
        if (!request.method().equals(method)) {
            throw new ApiException(NsxError.methodNotAllowed(request.method(), request.path()));
        }
    }

    private static ObjectNode parseBody(ApiRequest request) {
        if (request.body().length == 0) {
            throw new ApiException(NsxError.unreadable("The request to " + request.path() + " has no JSON body"));
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw new ApiException(NsxError.unreadable("The request body of " + request.path()
                    + " is not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new ApiException(NsxError.unreadable(
                    "The request body of " + request.path() + " cannot be read: " + e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new ApiException(
                    NsxError.unreadable("The request body of " + request.path() + " must be a JSON object"));
        }
        return (ObjectNode) node;
    }
}
