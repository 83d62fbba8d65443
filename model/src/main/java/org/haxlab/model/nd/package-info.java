/**
 * Leaf helpers for DJL arrays that every other model package may use and that use none of them:
 * {@link org.haxlab.model.nd.HostReads}, the one place that turns device arrays into Java values (and counts
 * it, so tests can hold a training step to zero device-to-host copies), and
 * {@link org.haxlab.model.nd.PhaseTimer}, the debug phase timer behind {@code -Dhaxlab.profile=true}.
 */
package org.haxlab.model.nd;
