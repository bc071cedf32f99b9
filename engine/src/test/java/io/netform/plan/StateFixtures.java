package io.netform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netform.addrs.AbsResource;
import io.netform.addrs.AddressParser;
import io.netform.addrs.InstanceKey;
import io.netform.addrs.ModuleInstance;
import io.netform.addrs.Resource;
import io.netform.state.InstanceObject;
import io.netform.state.OutputState;
import io.netform.state.ResourceState;
import io.netform.state.State;
import java.util.List;
import java.util.TreeMap;

/** A state for JSON tests: resources in the root and in a module, sensitive attributes, a tainted and a deposed object. */
public final class StateFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StateFixtures() {}

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static State state() {
        TreeMap<AbsResource, ResourceState> resources = new TreeMap<>();
        AbsResource web = Resource.managed("nsxt_policy_segment", "web").in(ModuleInstance.ROOT);
        resources.put(
                web,
                new ResourceState(
                        web,
                        PlanFixtures.PROVIDER,
                        List.of(
                                new InstanceObject(
                                        InstanceKey.NONE,
                                        null,
                                        false,
                                        2,
                                        json("{'id':'seg-web','display_name':'web','admin_password':'SECRET-pw',"
                                                + "'labels':{'env':'dev','token':'SECRET-token'},'vlan_ids':['100','200'],"
                                                + "'subnet':[{'cidr':'10.0.1.1/24','dhcp_ranges':[]}],'mtu':1500}"),
                                        json("[[{'type':'get_attr','value':'admin_password'}],"
                                                + "[{'type':'get_attr','value':'labels'},"
                                                + "{'type':'index','value':{'value':'token','type':'string'}}]]"),
                                        null,
                                        List.of("nsxt_policy_tier1_gateway.t1"),
                                        false),
                                new InstanceObject(
                                        InstanceKey.NONE,
                                        "0a1b2c3d",
                                        false,
                                        2,
                                        json("{'id':'seg-web-old','display_name':'web'}"),
                                        json("[]"),
                                        null,
                                        List.of(),
                                        true))));
        AbsResource ns = AddressParser.parseInstance("module.cluster[\"dev\"].nsxt_policy_segment.ns[0]")
                .resource();
        resources.put(
                ns,
                new ResourceState(
                        ns,
                        PlanFixtures.PROVIDER,
                        List.of(new InstanceObject(
                                InstanceKey.of(0),
                                null,
                                true,
                                2,
                                json("{'id':'seg-ns-0','display_name':'ns'}"),
                                json("[]"),
                                null,
                                List.of(),
                                false))));
        TreeMap<String, OutputState> outputs = new TreeMap<>();
        outputs.put("segment_path", new OutputState(json("'/infra/segments/seg-web'"), json("'string'"), false));
        outputs.put("password", new OutputState(json("'SECRET-out'"), json("'string'"), true));
        return new State("0.1.0", 4, "3f2b3f9e-1111-2222-3333-444455556666", outputs, resources);
    }
}
