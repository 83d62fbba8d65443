/**
 * What the views and {@code haxlab inspect} show, as records that copy their arrays, and the code that fills them.
 *
 * <p>{@link org.haxlab.model.inspect.Inspector} runs one sequence through a model with a
 * {@link org.haxlab.model.trace.TraceSink}; every mixer layer reports a
 * {@link org.haxlab.model.trace.LayerInspection} (LSH buckets, KS scores, the selected keys with their
 * components and weights as an {@link org.haxlab.model.trace.AttentionSelection}, branch norms and the
 * SSM {@link org.haxlab.model.trace.DecayTrace}); predictions at the query positions complete the
 * {@link org.haxlab.model.inspect.Inspection}. {@link org.haxlab.model.inspect.RecallDiagnosis} explains
 * wrong answers, {@link org.haxlab.model.inspect.SparsitySummary} budget use, and
 * {@link org.haxlab.model.inspect.InspectionJson} writes the documented JSON (docs/INSPECT_JSON.md).
 * Positions are 0-based indices into the token sequence the model saw (BOS = 0).
 */
package org.haxlab.model.inspect;
