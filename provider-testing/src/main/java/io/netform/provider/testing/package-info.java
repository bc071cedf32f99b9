/**
 * The {@code testing} provider ({@code netform/testing}) that the engine's tests and benchmarks
 * run as a real plugin: {@code testing_object} objects kept in memory or in a JSON store file that
 * tests can inspect and tamper with, and the {@code testing_echo} data source.
 */
package io.netform.provider.testing;
