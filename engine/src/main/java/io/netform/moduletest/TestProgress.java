package io.netform.moduletest;

/** What the runner tells its caller as a file runs, so a view can print as Terraform does, in order. */
public interface TestProgress {

    /** Nothing to tell. */
    TestProgress NONE = new TestProgress() {};

    /** The file {@code name} starts. */
    default void fileStarted(String name) {}

    /** A run of the file {@code file} completed (or was skipped). */
    default void runCompleted(String file, RunResult run) {}

    /** The file's runs are done and what they applied is being destroyed. */
    default void tearingDown(String name) {}

    /** The file is done, cleanup included. */
    default void fileCompleted(FileResult file) {}
}
