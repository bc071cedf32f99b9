/**
 * The cty value model shared by the language, the engine, the state and the plugin protocol:
 * {@link io.netform.value.Type types}, {@link io.netform.value.Value values} (known, null, unknown,
 * marked), {@link io.netform.value.Conversion conversion} and
 * {@link io.netform.value.Unification unification}, {@link io.netform.value.AttributePath attribute
 * paths}, and the wire codecs ({@link io.netform.value.MsgpackCodec msgpack},
 * {@link io.netform.value.CtyJson cty JSON}, {@link io.netform.value.TypeJson type JSON}).
 */
package io.netform.value;
