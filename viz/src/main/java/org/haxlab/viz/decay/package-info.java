/**
 * The SSM decay view ({@link org.haxlab.viz.decay.DecayChart}, JFreeChart-FX): per-step decay and the
 * retention of a chosen token, per head or per channel, with the curves computed by
 * {@link org.haxlab.viz.decay.DecaySeries}.
 */
package org.haxlab.viz.decay;
