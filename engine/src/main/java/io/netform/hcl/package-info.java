/**
 * The HCL native syntax: lexer, parser, syntax tree with source ranges, diagnostics and the
 * canonical formatter. Evaluation of the tree lives in {@code io.netform.lang}.
 */
package io.netform.hcl;
