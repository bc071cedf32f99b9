package io.netform.kubesim;

import static io.netform.kubesim.StrategicMergeTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ServerSideApplyTest {

    @Test
    void anApplyRemovesOnlyWhatTheSameManagerAppliedBefore() throws IOException {
        ObjectNode first = ServerSideApply.create(
                json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','labels':{'a':'1','b':'2'}},"
                        + "'data':{'x':'1','y':'2'}}"),
                "netform");
        // someone else adds a label by hand
        first.withObjectProperty("metadata").withObjectProperty("labels").put("manual", "yes");

        ObjectNode second = ServerSideApply.apply(
                first,
                json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','labels':{'a':'1'}},"
                        + "'data':{'x':'3'}}"),
                "netform");

        assertThat(second.path("metadata").path("labels").toString()).isEqualTo("{\"a\":\"1\",\"manual\":\"yes\"}");
        assertThat(second.path("data").toString()).isEqualTo("{\"x\":\"3\"}");
        assertThat(second.path("metadata").path("managedFields")).hasSize(1);
        assertThat(second.path("metadata")
                        .path("managedFields")
                        .get(0)
                        .path("fieldsV1")
                        .toString())
                .isEqualTo("{\"f:metadata\":{\"f:labels\":{\"f:a\":{}}},\"f:data\":{\"f:x\":{}}}");
    }

    @Test
    void anotherManagersApplyKeepsTheFirstManagersFields() throws IOException {
        ObjectNode first = ServerSideApply.create(
                json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'x':'1'}}"), "netform");

        ObjectNode second = ServerSideApply.apply(
                first,
                json("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c'},'data':{'y':'2'}}"),
                "kubectl");

        assertThat(second.path("data").toString()).isEqualTo("{\"x\":\"1\",\"y\":\"2\"}");
        assertThat(second.path("metadata").path("managedFields")).hasSize(2);
    }
}
