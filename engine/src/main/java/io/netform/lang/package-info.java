/**
 * Evaluation of HCL expressions on the value model: scopes of variables, references an expression
 * makes, operators, templates, and the function table expressions call.
 */
package io.netform.lang;
