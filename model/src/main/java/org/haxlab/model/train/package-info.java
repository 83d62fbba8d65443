/**
 * Training and persistence: the {@link org.haxlab.model.train.Trainer} loop (AdamW, learning-rate
 * schedules, global-norm clipping, masked cross-entropy + 0.1 x gate loss, spec §3-4), its listener
 * events and thread-safe {@link org.haxlab.model.train.TrainingControl}, evaluation, checkpoints
 * ({@code weights.ndlist} + {@code run.json}, written atomically), {@code .npz} export and the
 * {@code metrics.csv} writer.
 *
 * <p>Runs survive interruptions: a {@link org.haxlab.model.train.CheckpointWriter} saves {@code last/} with
 * a {@link org.haxlab.model.train.ResumeState} and the AdamW moments ({@code resume.json},
 * {@code optimizer.ndlist}), and {@link org.haxlab.model.train.Trainer#resumeFrom} continues from it exactly
 * (the data stream is a {@link org.haxlab.model.train.ResumableRandom}). A
 * {@link org.haxlab.model.train.RunFolder} locks a run's folder and refuses a second run, a non-empty folder
 * or an {@code --overwrite} of a folder that holds no run.
 *
 * <p>The trainer only knows {@link org.haxlab.model.nn.SequenceModel} and
 * {@link org.haxlab.model.train.SequenceSource}; the concrete model and task plug in through
 * {@link org.haxlab.model.train.ModelFactory} and {@link org.haxlab.model.train.TaskFactory}
 * (wired in {@link org.haxlab.model.train.Wiring}).
 */
package org.haxlab.model.train;
