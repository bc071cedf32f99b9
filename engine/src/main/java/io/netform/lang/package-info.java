/**
 * Evaluation of HCL expressions on the value model: scopes of variables, references an expression
 * makes, operators and templates; the functions expressions call are {@code io.netform.lang.function}'s.
 */
package io.netform.lang;
