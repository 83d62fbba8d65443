/**
 * How a forward pass is asked to run and what it records, a leaf that imports nothing of HAX Lab:
 * {@link org.haxlab.model.trace.ForwardOptions}, the per-layer records an inspection pass hands to a
 * {@link org.haxlab.model.trace.TraceSink} ({@link org.haxlab.model.trace.LayerInspection},
 * {@link org.haxlab.model.trace.AttentionSelection} with its {@link org.haxlab.model.trace.SelectedKey}s,
 * {@link org.haxlab.model.trace.DecayTrace}) and the names those records carry
 * ({@link org.haxlab.model.trace.Component} of a sparse pattern, {@link org.haxlab.model.trace.Backbone}).
 *
 * <p>{@link org.haxlab.model.trace.LayerInspection} copies its arrays in and out; the large
 * {@link org.haxlab.model.trace.AttentionSelection} and {@link org.haxlab.model.trace.DecayTrace} share theirs
 * (read-only by contract); all compare by content (docs/ARCHITECTURE.md, records that hold arrays).
 *
 * <p>The mixers ({@code nn}) and the sparse branch ({@code sparse}) produce these records;
 * {@code inspect} assembles them into an inspection. Living below all three keeps the packages acyclic.
 */
package org.haxlab.model.trace;
