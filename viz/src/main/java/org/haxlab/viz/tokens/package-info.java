/**
 * The coloured token strip ({@link org.haxlab.viz.tokens.TokenStrip}): token roles (spec §1 ids),
 * highlights, hover and correct / wrong marks at query positions. {@link org.haxlab.viz.tokens.TokenNames}
 * is the default id-to-text mapping until the task package provides its canonical one.
 */
package org.haxlab.viz.tokens;
