package io.netform.hcl;

/**
 * The switches of {@code netform fmt}.
 *
 * @param check only report whether files are formatted; never write (exit code 3 when one is not)
 * @param diff show a unified diff of each change ({@link FmtReport#diffs()})
 * @param recursive also process subdirectories
 */
public record FmtOptions(boolean check, boolean diff, boolean recursive) {}
