/**
 * The array plumbing every layer shares, a leaf that imports nothing of HAX Lab:
 * {@link org.haxlab.model.nd.Params} (the named weights and their manager, drawn under an
 * {@link org.haxlab.model.nd.InitScheme}),
 * {@link org.haxlab.model.nd.Scalars} and {@link org.haxlab.model.nd.HostArrays} (scalars and host
 * copies whose arrays own engine memory, so that autograd never keeps a tensor backed by a Java buffer
 * the garbage collector may free; see the {@code nn} package description),
 * {@link org.haxlab.model.nd.HostReads}, the one place that turns device arrays into Java values (and counts
 * it, so tests hold a training step to zero device-to-host copies), and
 * {@link org.haxlab.model.nd.PhaseTimer}, the debug phase timer behind {@code -Dhaxlab.profile=true}.
 */
package org.haxlab.model.nd;
