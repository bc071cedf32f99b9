package io.netform.plan;

import io.netform.addrs.AddressParser;
import io.netform.addrs.ProviderConfig;
import io.netform.addrs.ProviderSource;
import io.netform.config.LoadResult;
import io.netform.config.ModuleLoader;
import io.netform.graph.ConfigGraph;
import io.netform.graph.ConfigGraphBuilder;
import io.netform.state.State;
import io.netform.value.AttributePath;
import io.netform.value.Mark;
import io.netform.value.Refinement;
import io.netform.value.Type;
import io.netform.value.Value;
import io.netform.wire.NestedBlock;
import io.netform.wire.Nesting;
import io.netform.wire.ProviderSchema;
import io.netform.wire.Schema;
import io.netform.wire.SchemaAttribute;
import io.netform.wire.SchemaBlock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans for renderer and JSON tests: an NSX-like segment resource with attributes of every kind,
 * a list-nested and a single-nested block, a sensitive attribute, and a data source. Every secret
 * in these fixtures starts with {@link #SECRET_PREFIX}, so a test can assert none is ever shown.
 */
public final class PlanFixtures {

    /** What every sensitive string in the fixtures starts with. */
    public static final String SECRET_PREFIX = "SECRET-";

    public static final ProviderSource NSXT = ProviderSource.parse("netform/nsxt");
    public static final ProviderConfig PROVIDER = ProviderConfig.root(NSXT);

    public static final SchemaBlock SUBNET = new SchemaBlock(
            Map.of(
                    "cidr", attr("cidr", Type.STRING),
                    "dhcp_ranges", attr("dhcp_ranges", Type.list(Type.STRING))),
            Map.of(),
            "",
            false);

    public static final SchemaBlock ADVANCED = new SchemaBlock(
            Map.of(
                    "connectivity", attr("connectivity", Type.STRING),
                    "local_egress", attr("local_egress", Type.BOOL)),
            Map.of(),
            "",
            false);

    public static final SchemaBlock SEGMENT = new SchemaBlock(
            orderedAttributes(
                    attr("id", Type.STRING),
                    attr("display_name", Type.STRING),
                    attr("description", Type.STRING),
                    attr("path", Type.STRING),
                    attr("transport_zone_path", Type.STRING),
                    attr("vlan_ids", Type.list(Type.STRING)),
                    attr("labels", Type.map(Type.STRING)),
                    attr("mtu", Type.NUMBER),
                    attr("overlay", Type.BOOL),
                    attr("script", Type.STRING),
                    SchemaAttribute.of("admin_password", Type.STRING).optional().sensitive()),
            Map.of(
                    "subnet",
                    new NestedBlock("subnet", Nesting.LIST, SUBNET, 0, 0),
                    "advanced_config",
                    new NestedBlock("advanced_config", Nesting.SINGLE, ADVANCED, 0, 1)),
            "",
            false);

    public static final SchemaBlock TIER0 = new SchemaBlock(
            orderedAttributes(attr("id", Type.STRING), attr("display_name", Type.STRING), attr("path", Type.STRING)),
            Map.of(),
            "",
            false);

    public static final ProviderSchema SCHEMA = new ProviderSchema(
            Schema.of(SchemaBlock.empty()),
            Map.of("nsxt_policy_segment", new Schema(2, SEGMENT)),
            Map.of("nsxt_policy_tier0_gateway", new Schema(0, TIER0)));

    private PlanFixtures() {}

    private static SchemaAttribute attr(String name, Type type) {
        return SchemaAttribute.of(name, type).optional();
    }

    private static Map<String, SchemaAttribute> orderedAttributes(SchemaAttribute... attributes) {
        Map<String, SchemaAttribute> out = new LinkedHashMap<>();
        for (SchemaAttribute a : attributes) {
            out.put(a.name(), a);
        }
        return out;
    }

    /** An object of {@code schema}'s type: the given attributes, null for every other one. */
    public static Value object(SchemaBlock schema, Object... namesAndValues) {
        Type.ObjectType type = (Type.ObjectType) schema.impliedType();
        Map<String, Value> attributes = new LinkedHashMap<>();
        type.attributeTypes().forEach((name, t) -> attributes.put(name, Value.nullOf(t)));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            if (!attributes.containsKey(name)) {
                throw new IllegalArgumentException("no attribute " + name);
            }
            attributes.put(name, (Value) namesAndValues[i + 1]);
        }
        return Value.object(attributes);
    }

    public static Value s(String text) {
        return Value.string(text);
    }

    public static Value secret(String suffix) {
        return Value.string(SECRET_PREFIX + suffix).mark(Mark.SENSITIVE);
    }

    public static Value unknownString() {
        return Value.unknown(Type.STRING);
    }

    public static Value strings(String... items) {
        return Value.list(Type.STRING, Arrays.stream(items).map(Value::string).toList());
    }

    public static Value stringMap(String... keysAndValues) {
        Map<String, Value> entries = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.put(keysAndValues[i], Value.string(keysAndValues[i + 1]));
        }
        return Value.map(Type.STRING, entries);
    }

    public static Value subnets(Value... blocks) {
        return Value.list(SUBNET.impliedType(), List.of(blocks));
    }

    public static Value subnet(String cidr, String... ranges) {
        return object(SUBNET, "cidr", s(cidr), "dhcp_ranges", strings(ranges));
    }

    public static Value advanced(String connectivity, boolean localEgress) {
        return object(ADVANCED, "connectivity", s(connectivity), "local_egress", Value.bool(localEgress));
    }

    public static Value nullOf(SchemaBlock schema) {
        return Value.nullOf(schema.impliedType());
    }

    /** A change of {@code address} managed by the fixture provider. */
    public static ResourceChange change(
            String address,
            Action action,
            ActionReason reason,
            SchemaBlock schema,
            Value before,
            Value after,
            AttributePath... replacePaths) {
        return new ResourceChange(
                AddressParser.parseInstance(address),
                null,
                PROVIDER,
                action,
                reason,
                schema.impliedType(),
                before,
                after,
                List.of(replacePaths),
                null);
    }

    /** A normal plan of these changes and outputs against an empty state. */
    public static Plan plan(List<ResourceChange> changes, OutputChange... outputs) {
        return plan(Plan.Mode.NORMAL, changes, List.of(), outputs);
    }

    public static Plan plan(
            Plan.Mode mode, List<ResourceChange> changes, List<ResourceChange> drift, OutputChange... outputs) {
        return plan(mode, State.empty("0.1.0"), changes, drift, outputs);
    }

    public static Plan plan(
            Plan.Mode mode,
            State prior,
            List<ResourceChange> changes,
            List<ResourceChange> drift,
            OutputChange... outputs) {
        Map<String, OutputChange> byName = new LinkedHashMap<>();
        for (OutputChange o : outputs) {
            byName.put(o.name(), o);
        }
        return new Plan(
                mode,
                new ArrayList<>(changes),
                drift,
                byName,
                prior,
                Map.of("environment", Value.string("dev")),
                false);
    }

    /** A saved plan with a create (a refined unknown, a sensitive value), a replace, drift, outputs and targets. */
    public static SavedPlan savedPlan() {
        ResourceChange create = change(
                "nsxt_policy_segment.web",
                Action.CREATE,
                ActionReason.NONE,
                SEGMENT,
                nullOf(SEGMENT),
                object(
                        SEGMENT,
                        "id",
                        Value.unknown(Type.STRING, Refinement.NONE.withNotNull().withStringPrefix("seg-")),
                        "display_name",
                        s("web"),
                        "labels",
                        stringMap("env", "dev"),
                        "admin_password",
                        secret("pw"),
                        "subnet",
                        subnets(subnet("10.0.1.1/24", "10.0.1.5"))));
        ResourceChange replace = new ResourceChange(
                AddressParser.parseInstance("module.cluster[\"dev\"].nsxt_policy_segment.db[1]"),
                null,
                PROVIDER,
                Action.DELETE_THEN_CREATE,
                ActionReason.REPLACE_BECAUSE_CANNOT_UPDATE,
                SEGMENT.impliedType(),
                object(SEGMENT, "id", s("seg-db"), "transport_zone_path", s("/tz/a")),
                object(SEGMENT, "id", unknownString(), "transport_zone_path", s("/tz/b")),
                List.of(AttributePath.of("transport_zone_path")),
                new byte[] {1, 2, 3});
        ResourceChange drift = change(
                "nsxt_policy_segment.old",
                Action.DELETE,
                ActionReason.NONE,
                SEGMENT,
                object(SEGMENT, "id", s("seg-old")),
                nullOf(SEGMENT));
        Plan plan = new Plan(
                Plan.Mode.NORMAL,
                List.of(create, replace),
                List.of(drift),
                Map.of(
                        "web_id", new OutputChange("web_id", Action.CREATE, null, unknownString(), false),
                        "token", new OutputChange("token", Action.UPDATE, secret("a"), secret("b"), true)),
                StateFixtures.state(),
                Map.of("environment", s("dev"), "password", secret("v")),
                false);
        return new SavedPlan(
                plan,
                List.of("nsxt_policy_segment.web"),
                CONFIGURATION,
                "# lock\n",
                "0.1.0",
                java.time.Instant.parse("2026-11-26T12:00:00Z"));
    }

    /** The configuration files {@link #savedPlan()} was made from. */
    public static final Map<String, String> CONFIGURATION = Map.of("main.tf", """
            terraform {
              required_providers {
                nsxt = { source = "netform/nsxt" }
              }
            }
            variable "environment" {
              default     = "dev"
              description = "Where the segments go"
            }
            variable "password" {
              sensitive = true
            }
            data "nsxt_policy_tier0_gateway" "t0" {
              display_name = "t0"
            }
            resource "nsxt_policy_segment" "web" {
              display_name   = "web"
              labels         = { env = var.environment }
              admin_password = var.password
              subnet {
                cidr = "10.0.1.1/24"
              }
            }
            module "cluster" {
              source   = "./cluster"
              for_each = toset([var.environment])
              tier0    = data.nsxt_policy_tier0_gateway.t0.path
            }
            output "segment_path" {
              value = nsxt_policy_segment.web.path
            }
            output "password" {
              value     = var.password
              sensitive = true
            }
            """, "cluster/main.tf", """
            variable "tier0" {}
            resource "nsxt_policy_segment" "db" {
              count               = 2
              display_name        = "db-${count.index}"
              transport_zone_path = var.tier0
            }
            """);

    /** The graph of {@link #CONFIGURATION}, for encoding plans of these resources. */
    public static ConfigGraph configuration() {
        LoadResult loaded = ModuleLoader.load(Path.of("."), CONFIGURATION);
        if (loaded.hasErrors()) {
            throw new IllegalStateException(loaded.diagnostics().toString());
        }
        return ConfigGraphBuilder.build(loaded.root()).into(new ArrayList<>());
    }
}
