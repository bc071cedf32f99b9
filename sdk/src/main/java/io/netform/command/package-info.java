/** What the standalone commands (the simulators) share: reading {@code --name value} flags, exiting 2 with the usage on bad ones, and serving until killed. */
package io.netform.command;
