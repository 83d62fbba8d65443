/**
 * The recall diagnosis table ({@link org.haxlab.viz.recall.RecallDiagnosisTable}), the one home of the
 * per-query diagnosis view: every {@link org.haxlab.model.inspect.RecallDiagnosis} with expected and
 * predicted values, confidence, reason and the sentence behind it, wrong answers highlighted.
 */
package org.haxlab.viz.recall;
