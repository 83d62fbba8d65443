/**
 * The sparse-attention branch of spec §3: one {@link org.haxlab.model.sparse.SelectionPattern} per
 * pattern component (window, sink, dilated, LSH, KS, full) and their {@link org.haxlab.model.sparse.UnionPattern},
 * the host-side index structure {@link org.haxlab.model.sparse.SelectedKeys}, LSH hashing
 * ({@link org.haxlab.model.sparse.LshBuckets}), the KS scorer and ranking loss
 * ({@link org.haxlab.model.sparse.KeyScorer}), the two execution paths (dense mask and sparse gather,
 * {@link org.haxlab.model.sparse.SparseAttention}) and the layer itself ({@link org.haxlab.model.sparse.SparseBranch}).
 *
 * <p>Selections are computed on the host with primitive arrays in O(L*k); they carry no gradient.
 */
package org.haxlab.model.sparse;
