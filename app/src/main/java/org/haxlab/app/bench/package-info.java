/**
 * The benchmark harness behind {@code haxlab bench} (docs/BENCHMARKS.md): attention cost versus length on the
 * dense-mask and sparse-gather paths, a training step of the synthetic model against a PyTorch-eager
 * peer, and heatmap rendering. Each measurement is a warm-up plus several timed repetitions reported as
 * median, min and max; memory is the process's peak resident set (heap and native) and the peak heap.
 * Cases can run in a fresh child JVM each, so one case's allocator high-water mark never leaks into the next.
 */
package org.haxlab.app.bench;
