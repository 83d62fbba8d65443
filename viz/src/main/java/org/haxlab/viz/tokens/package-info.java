/**
 * The coloured token strip ({@link org.haxlab.viz.tokens.TokenStrip}): the task's token roles
 * ({@link org.haxlab.model.task.TokenRole}, spec §1) in the one role palette
 * ({@link org.haxlab.viz.tokens.RoleColors}, with its {@link org.haxlab.viz.tokens.TokenLegend}),
 * highlights, hover and correct / wrong marks at query positions; it can follow a matrix's columns.
 */
package org.haxlab.viz.tokens;
