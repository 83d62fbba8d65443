package org.haxlab.app.jobs;

import java.nio.file.Path;
import java.util.List;

/**
 * One training run to start as a child: its name in the progress lines, its folder, the {@code haxlab train}
 * arguments without the device ones (the scheduler adds {@code --device} and {@code --threads} for the slot it
 * lands on) and the log file that receives the child's stdout and stderr (appended, so a resumed run keeps the
 * history of its earlier attempts).
 *
 * @param name      e.g. {@code hax-s1}
 * @param runDir    the run folder ({@code train --out})
 * @param trainArgs arguments after {@code train}
 * @param log       the child's log file
 * @param resumed   true when the run continues from its {@code last/} checkpoint
 */
public record RunJob(String name, Path runDir, List<String> trainArgs, Path log, boolean resumed) {

    public RunJob {
        if (name == null || name.isBlank() || runDir == null || log == null) {
            throw new IllegalArgumentException("run job: name, folder and log are required");
        }
        trainArgs = List.copyOf(trainArgs);
    }
}
