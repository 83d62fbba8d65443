/**
 * The desktop-scale reproduction of the paper's Table 1 (spec §4) behind {@code haxlab table}: which rows
 * the table has ({@link org.haxlab.app.table.TableEntry}, with the paper's numbers), the reduced scale of one
 * table ({@link org.haxlab.app.table.TableScale}), the held-out splits ({@link org.haxlab.app.table.Splits}),
 * the plan of its (row, seed) runs as {@code haxlab train} commands and what an interrupted table does with each
 * run folder ({@link org.haxlab.app.table.TablePlan}), the end of a run (test at the best validation checkpoint,
 * {@link org.haxlab.app.table.BestCheckpointTest}, saving a {@link org.haxlab.app.table.RunResult}), a table on this
 * host ({@link org.haxlab.app.table.TableLocalRun}) or as a Slurm job array
 * ({@link org.haxlab.app.table.SlurmScript}), the table folder's files ({@link org.haxlab.app.table.TableFiles}),
 * the aggregation over seeds ({@link org.haxlab.app.table.TableRow}) and the CSV / markdown writer
 * ({@link org.haxlab.app.table.TableWriter}).
 *
 * <p>Nothing here knows the concrete model: a run's process builds it through a
 * {@link org.haxlab.model.train.ModelFactory}, so the tests use a small fixture.
 */
package org.haxlab.app.table;
