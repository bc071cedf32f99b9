package io.netform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netform.json.ExactJson;
import io.netform.state.OutputState;
import java.util.Map;

/** Output values as {@code output -json} writes them for tools: type, value and sensitivity, values included. */
final class JsonOutputView implements OutputView {

    private static final ObjectMapper JSON =
            ExactJson.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Ui ui;

    JsonOutputView(Ui ui) {
        this.ui = ui;
    }

    @Override
    public int all(Map<String, OutputState> outputs) throws Exception {
        ObjectNode document = JSON.createObjectNode();
        outputs.forEach((key, output) -> document.set(key, jsonOf(output)));
        ui.out().println(JSON.writeValueAsString(document));
        return 0;
    }

    @Override
    public int one(String name, OutputState output) throws Exception {
        ui.out().println(JSON.writeValueAsString(output.value()));
        return 0;
    }

    /** One output as {@code output -json} writes it, its value included even when sensitive. */
    static ObjectNode jsonOf(OutputState output) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sensitive", output.sensitive());
        o.set("type", output.type());
        o.set("value", output.value());
        return o;
    }
}
