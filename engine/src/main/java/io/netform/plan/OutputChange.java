package io.netform.plan;

import io.netform.value.Value;

/** The planned change of a root module output. */
public record OutputChange(String name, Action action, Value before, Value after, boolean sensitive) {}
