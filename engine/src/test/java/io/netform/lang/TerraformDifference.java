package io.netform.lang;

/**
 * Where Terraform 1.12 deliberately gives another answer than Debian's hcl/v2 2.14.1 and go-cty
 * 1.12.1. An expression in one of these classes is checked against what hcl-eval gives for a
 * Terraform-equivalent expression (one the old libraries answer as Terraform answers the original),
 * or must fail where Terraform fails; never skipped.
 */
enum TerraformDifference {
    SHORT_CIRCUIT("Terraform 1.12 (hcl 2.22) short-circuits && and ||: when both operands convert to bool"
            + " and either one decides (false or null for &&, true for ||), the other one's errors are not"
            + " reported"),
    ELEMENT_NEGATIVE_INDEX("Terraform 1.10 (go-cty 1.15) lets element take a negative index, wrapping"
            + " around from the end (its documentation: \"To get the last element from the list use the index"
            + " -1\"); go-cty 1.12 rejects it"),
    LOOKUP_WITHOUT_DEFAULT("Terraform's own lookup takes the default as optional (an absent key is then an"
            + " error); go-cty's requires it"),
    LOOKUP_NULL_DEFAULT("Terraform's own lookup accepts null as the default; go-cty's rejects it"),
    LENGTH_OF_STRING_OR_OBJECT("Terraform's own length counts a string's characters and an object's"
            + " attributes; go-cty's takes only collections and tuples"),
    CONVERSION_OF_UNTYPED_NULL("Terraform's own to* functions accept an untyped null (AllowDynamicType) and"
            + " give a null of the type converted to; go-cty's give an untyped null"),
    JSON_DUPLICATE_KEYS("Terraform 1.10.5 (go-cty 1.16) rejects an object with a duplicate key in jsondecode"
            + " (\"improved error message when objects contain duplicate keys\"); go-cty 1.12 keeps the last"),
    COALESCE_SKIPS_EMPTY_STRINGS(
            "Terraform's own coalesce skips empty strings as well as nulls; go-cty's" + " skips only nulls");

    private final String reason;

    TerraformDifference(String reason) {
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
