package io.netform.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The project's one Jackson configuration: every number is read with all its digits (a decimal as a
 * BigDecimal, never a double's 17) and written plainly (0.0000001, not 1E-7), as cty's numbers and
 * Terraform's state, plan and NSX documents need. Documents that want more (strict input, indentation)
 * start from {@link #builder()}.
 */
public final class ExactJson {

    /** The shared, thread-safe mapper with exactly this configuration. */
    public static final ObjectMapper MAPPER = builder().build();

    private ExactJson() {}

    /** A mapper builder with exact numbers, for a mapper that adds its own features. */
    public static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }
}
