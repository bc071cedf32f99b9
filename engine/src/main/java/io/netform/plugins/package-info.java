/**
 * Provider plugins: finding them in filesystem-mirror directories, version constraints, the
 * dependency lock file, and starting them as tfplugin6 clients.
 */
package io.netform.plugins;
