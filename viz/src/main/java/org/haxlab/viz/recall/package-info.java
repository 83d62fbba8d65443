/**
 * The recall diagnosis table ({@link org.haxlab.viz.recall.RecallDiagnosisTable}): every query with
 * expected and predicted values, confidence, and a caller-supplied reason; wrong answers highlighted.
 */
package org.haxlab.viz.recall;
