/**
 * Failure slicing: the model in view runs on many generated sequences and its accuracy is broken down
 * by failure reason, table size and answer distance, each slice keeping one example query to open.
 */
package org.haxlab.app.vm.slicing;
