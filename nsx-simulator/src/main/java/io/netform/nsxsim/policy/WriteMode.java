package io.netform.nsxsim.policy;

/**
 * How a write treats the stored object and its {@code _revision}.
 *
 * @param replace  true to replace the whole object (PUT), false to merge top-level fields (PATCH)
 * @param revision when the client's {@code _revision} must match the stored one
 */
public record WriteMode(boolean replace, RevisionCheck revision) {

    /** When the revision sent by the client is compared with the stored one. */
    public enum RevisionCheck {
        /** Always: an update without {@code _revision} is refused (PUT). */
        REQUIRED,
        /** Only when the body carries {@code _revision} (PATCH). */
        IF_PRESENT,
        /** Never (hierarchical PATCH without {@code enforce_revision_check}). */
        NONE
    }

    /** {@code PATCH}: create or merge; a sent revision must match. */
    public static final WriteMode PATCH = new WriteMode(false, RevisionCheck.IF_PRESENT);
    /** {@code PUT}: create or replace; updates must send the current revision. */
    public static final WriteMode PUT = new WriteMode(true, RevisionCheck.REQUIRED);
    /** Hierarchical PATCH without revision enforcement. */
    public static final WriteMode HIERARCHICAL = new WriteMode(false, RevisionCheck.NONE);

    /** The mode used for the items of an inline child list (rules of a policy). */
    WriteMode forInlineChildren() {
        return new WriteMode(replace, revision == RevisionCheck.REQUIRED ? RevisionCheck.IF_PRESENT : revision);
    }
}
