/**
 * Module tests as Terraform's test framework runs them: a test file's run blocks planned and applied in order
 * against in-memory state, their assertions and expected failures, and the cleanup that destroys what a file
 * applied.
 */
package io.netform.moduletest;
