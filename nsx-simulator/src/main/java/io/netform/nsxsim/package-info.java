/** The NSX Manager simulator's entry points: the embedded API and the standalone command. */
package io.netform.nsxsim;
