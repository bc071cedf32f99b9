/**
 * Dependency graphs of the things a command works on, and the walker that runs a graph's
 * vertices in dependency order with bounded parallelism.
 */
package io.netform.graph;
