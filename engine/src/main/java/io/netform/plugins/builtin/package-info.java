/**
 * The built-in {@code terraform} provider ({@code terraform.io/builtin/terraform}): {@code terraform_data}
 * and {@code terraform_remote_state}, written with the sdk's provider framework and served to the engine
 * over tfplugin6 like any other provider, but never installed.
 */
package io.netform.plugins.builtin;
