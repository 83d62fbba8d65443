/**
 * LSH bin views ({@link org.haxlab.viz.buckets.BucketView}): query and key bins per position,
 * collisions of a hovered query, keys-per-bin histograms, and the before / after comparison of a
 * redrawn projection. {@link org.haxlab.viz.buckets.BucketStats} holds the cheap derived numbers.
 */
package org.haxlab.viz.buckets;
