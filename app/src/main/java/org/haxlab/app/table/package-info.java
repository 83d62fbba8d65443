/**
 * The desktop-scale reproduction of the paper's Table 1 (spec §4) behind {@code haxlab table}: which rows
 * the table has ({@link org.haxlab.app.table.TableEntry}, with the paper's numbers), the reduced scale of one
 * table ({@link org.haxlab.app.table.TableScale}), the held-out splits ({@link org.haxlab.app.table.Splits}),
 * one (row, seed) run ({@link org.haxlab.app.table.TableRun}) and its saved
 * {@link org.haxlab.app.table.RunResult}, the aggregation over seeds ({@link org.haxlab.app.table.TableRow})
 * and the CSV / markdown writer ({@link org.haxlab.app.table.TableWriter}).
 *
 * <p>Nothing here knows the concrete model: runs get it through a
 * {@link org.haxlab.model.train.ModelFactory}, so the tests use a small fixture.
 */
package org.haxlab.app.table;
