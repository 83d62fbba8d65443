/**
 * LSH bin views ({@link org.haxlab.viz.buckets.BucketView}): query and key bins per position with
 * position and bin axes at every zoom, collisions of a hovered query, the keys-per-bin histogram
 * ({@link org.haxlab.viz.buckets.BucketHistogram}: fixed colours, a legend, count and bin axes), and the
 * before / after comparison of a redrawn projection. {@link org.haxlab.viz.buckets.BucketStats} holds the
 * cheap derived numbers.
 */
package org.haxlab.viz.buckets;
