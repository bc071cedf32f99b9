/** Counting by key. */
package io.netform.tally;
