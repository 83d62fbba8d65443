/**
 * The array plumbing every layer shares, a leaf that imports nothing of HAX Lab:
 * {@link org.haxlab.model.nd.Params} (the named weights and their manager),
 * {@link org.haxlab.model.nd.Scalars} and {@link org.haxlab.model.nd.HostArrays} (scalars and host
 * copies whose arrays own engine memory, so that autograd never keeps a tensor backed by a Java buffer
 * the garbage collector may free; see the {@code nn} package description).
 */
package org.haxlab.model.nd;
