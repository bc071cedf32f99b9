/**
 * The HCL native syntax: lexer, parser, syntax tree with source ranges, diagnostics and the
 * canonical formatter. Entry points: {@link io.netform.hcl.HclParser} (files, expressions, template
 * files), {@link io.netform.hcl.DiagnosticRenderer} (showing errors) and
 * {@link io.netform.hcl.FmtRunner} / {@link io.netform.hcl.HclFormatter} ({@code netform fmt}).
 * Evaluating the tree, and finding the references it makes, belongs to {@code io.netform.lang}.
 */
package io.netform.hcl;
