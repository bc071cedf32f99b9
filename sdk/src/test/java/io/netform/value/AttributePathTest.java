package io.netform.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributePathTest {
    private static final Value SEGMENT = Value.object(Map.of(
            "subnet", Value.list(Type.STRING, List.of(Value.string("10.0.0.0/24"))),
            "tags", Value.map(Type.STRING, Map.of("env", Value.string("prod")))));

    @Test
    void printsLikeTerraform() {
        AttributePath path = AttributePath.root().attr("subnet").index(0).key("key \"q\"");
        assertThat(path).hasToString(".subnet[0][\"key \\\"q\\\"\"]");
        assertThat(AttributePath.root()).hasToString("");
    }

    @Test
    void describesInWords() {
        assertThat(AttributePath.of("subnet").index(0).describe()).isEqualTo("attribute \"subnet\": element 0");
        assertThat(AttributePath.of("tags").key("env").describe()).isEqualTo("attribute \"tags\": element \"env\"");
    }

    @Test
    void appliesToAValue() {
        assertThat(AttributePath.of("subnet").index(0).apply(SEGMENT)).isEqualTo(Value.string("10.0.0.0/24"));
        assertThat(AttributePath.of("tags").key("env").apply(SEGMENT)).isEqualTo(Value.string("prod"));
        assertThat(AttributePath.root().apply(SEGMENT)).isSameAs(SEGMENT);
    }

    @Test
    void namesTheStepThatDoesNotExist() {
        assertThatThrownBy(() -> AttributePath.of("subnet").index(3).apply(SEGMENT))
                .hasMessage(".subnet[3]: element 3 does not exist in a collection of 1 elements");
        assertThatThrownBy(() -> AttributePath.of("nope").apply(SEGMENT)).hasMessageStartingWith(".nope: ");
    }

    @Test
    void knowsItsPrefixes() {
        assertThat(AttributePath.of("a").isPrefixOf(AttributePath.of("a", "b"))).isTrue();
        assertThat(AttributePath.of("a", "b").isPrefixOf(AttributePath.of("a"))).isFalse();
        assertThat(AttributePath.root().isPrefixOf(AttributePath.of("x"))).isTrue();
    }
}
