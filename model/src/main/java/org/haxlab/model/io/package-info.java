/**
 * Reading what users hand us, defensively: UTF-8 text with or without a byte-order mark (a clear message naming
 * the byte offset otherwise), bounded in size, from files, pipes or standard input ({@link
 * org.haxlab.model.io.Utf8Text}); JSON with depth and size limits ({@link org.haxlab.model.io.BoundedJson}).
 * A leaf package: it depends on nothing else of HAX Lab.
 */
package org.haxlab.model.io;
