package io.netform.kubesim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.json.ExactJson;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class StrategicMergeTest {

    @Test
    void containersMergeByNameAndTheirPortsByContainerPort() throws IOException {
        ObjectNode pod = json("{'kind':'Pod','spec':{'containers':["
                + "{'name':'web','image':'nginx:1','ports':[{'containerPort':80,'name':'http'}]},"
                + "{'name':'sidecar','image':'envoy'}]}}");
        ObjectNode patch = json("{'spec':{'$setElementOrder/containers':[{'name':'web'},{'name':'sidecar'}],"
                + "'containers':[{'name':'web','image':'nginx:2',"
                + "'ports':[{'containerPort':8080,'name':'http'},{'$patch':'delete','containerPort':80}]}]}}");

        ObjectNode merged = StrategicMerge.apply(pod, patch);

        assertThat(merged.toString())
                .isEqualTo(json("{'kind':'Pod','spec':{'containers':["
                                + "{'name':'web','image':'nginx:2','ports':[{'containerPort':8080,'name':'http'}]},"
                                + "{'name':'sidecar','image':'envoy'}]}}")
                        .toString());
    }

    @Test
    void aNetworkPolicysRulesAreReplacedWholeAndNullDeletes() throws IOException {
        ObjectNode policy = json("{'kind':'NetworkPolicy','metadata':{'labels':{'a':'1','b':'2'}},"
                + "'spec':{'egress':[{'ports':[{'port':53}]},{'ports':[{'port':80}]}]}}");
        ObjectNode patch = json("{'metadata':{'labels':{'b':null}},'spec':{'egress':[{'ports':[{'port':443}]}]}}");

        ObjectNode merged = StrategicMerge.apply(policy, patch);

        assertThat(merged.toString())
                .isEqualTo(json("{'kind':'NetworkPolicy','metadata':{'labels':{'a':'1'}},"
                                + "'spec':{'egress':[{'ports':[{'port':443}]}]}}")
                        .toString());
    }

    @Test
    void valuesAreRemovedFromAPrimitiveList() throws IOException {
        ObjectNode namespace = json("{'kind':'Namespace','metadata':{'finalizers':['a','b','c']}}");

        ObjectNode merged =
                StrategicMerge.apply(namespace, json("{'metadata':{'$deleteFromPrimitiveList/finalizers':['b']}}"));

        assertThat(merged.path("metadata").path("finalizers").toString()).isEqualTo("[\"a\",\"c\"]");
    }

    static ObjectNode json(String singleQuoted) throws IOException {
        return (ObjectNode) ExactJson.MAPPER.readTree(singleQuoted.replace('\'', '"'));
    }
}
