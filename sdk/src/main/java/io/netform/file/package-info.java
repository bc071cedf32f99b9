/** Files replaced whole, safely. */
package io.netform.file;
