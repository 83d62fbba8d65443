/**
 * Runs many training runs as child processes on the devices of one host: which devices a run may use
 * ({@link org.haxlab.app.jobs.DeviceSlot}, parsed from {@code --devices}), what one run is
 * ({@link org.haxlab.app.jobs.RunJob}: a {@code haxlab train} argument list and its folder), how it is started
 * ({@link org.haxlab.app.jobs.RunLauncher}; {@link org.haxlab.app.jobs.ProcessLauncher} starts a child JVM on the
 * parent's own java and class path) and the scheduler that keeps {@code --jobs-per-device} runs going on every
 * device ({@link org.haxlab.app.jobs.JobScheduler}) with one progress line per run and a table ETA
 * ({@link org.haxlab.app.jobs.Eta}).
 *
 * <p>Nothing here knows what a table is: {@code haxlab table} plans its (row, seed) runs and hands them over.
 */
package org.haxlab.app.jobs;
