/**
 * Provider plugins: finding them in filesystem-mirror directories, version constraints, the
 * dependency lock file, and starting them as tfplugin6 clients, which read schemas into
 * {@code io.netform.wire}'s model.
 */
package io.netform.plugins;
