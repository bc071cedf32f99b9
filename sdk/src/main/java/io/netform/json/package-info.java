/** The one JSON (Jackson) configuration shared by the engine, the providers and the NSX simulator. */
package io.netform.json;
