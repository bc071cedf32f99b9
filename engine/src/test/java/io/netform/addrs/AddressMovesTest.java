package io.netform.addrs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressMovesTest {

    private static String moved(String address, String from, String to) {
        ResourceInstance result = AddressMoves.moved(
                AddressParser.parseInstance(address), AddressParser.parse(from), AddressParser.parse(to));
        return result == null ? null : result.toString();
    }

    @Test
    void aModuleMoveCarriesEverythingNestedInside() {
        assertThat(moved("module.a[0].module.b.t_x.y[\"k\"]", "module.a[0]", "module.c"))
                .isEqualTo("module.c.module.b.t_x.y[\"k\"]");
        assertThat(moved("module.a[1].t_x.y", "module.a[0]", "module.c")).isNull();
    }

    @Test
    void resourceMovesKeepKeysAndAResourceStandsForItsUnkeyedInstance() {
        assertThat(moved("t_x.a[3]", "t_x.a", "module.m.t_x.b")).isEqualTo("module.m.t_x.b[3]");
        assertThat(moved("t_x.a", "t_x.a", "t_x.a[0]")).isEqualTo("t_x.a[0]");
        assertThat(moved("t_x.a[0]", "t_x.a[0]", "t_x.a")).isEqualTo("t_x.a");
        assertThat(moved("t_x.a[1]", "t_x.a", "t_x.a[0]")).isNull();
    }

    @Test
    void addressesWrittenInAModuleAreRelativeToEachOfItsInstances() {
        ModuleInstance base = AddressParser.parseModule("module.net[\"a\"]");
        assertThat(AddressMoves.absolute(AddressParser.parse("t_x.old"), base).toString())
                .isEqualTo("module.net[\"a\"].t_x.old");
        assertThat(AddressMoves.absolute(AddressParser.parse("module.inner"), base)
                        .toString())
                .isEqualTo("module.net[\"a\"].module.inner");
        assertThat(AddressMoves.absolute(AddressParser.parse("t_x.old[2]"), ModuleInstance.ROOT)
                        .toString())
                .isEqualTo("t_x.old[2]");
    }

    @Test
    void onlyLikeMayMoveToLike() {
        assertThat(AddressMoves.mismatch(AddressParser.parse("t_x.a"), AddressParser.parse("t_x.b[0]")))
                .isNull();
        assertThat(AddressMoves.mismatch(AddressParser.parse("data.t_x.a"), AddressParser.parse("data.t_x.b")))
                .contains("data sources");
        assertThat(AddressMoves.mismatch(AddressParser.parse("module.a"), AddressParser.parse("t_x.b")))
                .contains("a module can only move to another module address");
    }
}
