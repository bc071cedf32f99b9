/**
 * The {@code netform} command line: picocli commands, the diff renderer, progress and the JSON UI
 * stream. The only package that prints.
 */
package io.netform.cli;
