package org.haxlab.app.table;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The Slurm form of a table ({@code haxlab table --emit slurm DIR}): a job array with one task per (row, seed), each
 * on one device, {@code --requeue}d when the cluster takes its node back; every task is
 * {@code haxlab table ... --task $SLURM_ARRAY_TASK_ID}, which continues its run from its last checkpoint when there is
 * one (a requeued or resubmitted task resumes, a finished one exits at once). A second script aggregates the table
 * once every task ended; {@code submit.sh} submits both, the second depending on the first (docs/CLUSTER.md).
 */
public final class SlurmScript {

    /** The array script. */
    public static final String ARRAY = "table-array.sbatch";
    /** The aggregation script. */
    public static final String AGGREGATE = "table-aggregate.sbatch";
    /** Submits both. */
    public static final String SUBMIT = "submit.sh";

    private SlurmScript() {
    }

    /**
     * Writes the three scripts into {@code dir}.
     *
     * @param dir        where to write them
     * @param plan       the table
     * @param command    the command that starts this program ({@code java ... Main} or the app launcher)
     * @param tableArgs  the table's own options (scale, rows, seeds, {@code --out}) that every task repeats
     * @param gpu        one GPU per task ({@code --gres=gpu:1}); otherwise CPU only
     * @param cpusPerTask CPU cores per task (also its PyTorch threads)
     * @return the files written
     */
    public static List<Path> write(Path dir, TablePlan plan, List<String> command, List<String> tableArgs, boolean gpu,
                                   int cpusPerTask) throws IOException {
        Files.createDirectories(dir);
        Path logs = plan.out().toAbsolutePath().resolve("logs");
        Files.createDirectories(logs);
        int n = plan.runs().size();
        String run = shell(command) + " table " + shell(tableArgs);
        StringBuilder a = new StringBuilder("#!/bin/bash\n");
        a.append("#SBATCH --job-name=haxlab-table\n");
        a.append("#SBATCH --array=0-").append(n - 1).append('\n');
        a.append("#SBATCH --requeue\n");
        a.append("#SBATCH --open-mode=append\n");
        a.append("#SBATCH --output=").append(logs).append("/slurm-%a.log\n");
        a.append("#SBATCH --ntasks=1\n");
        a.append("#SBATCH --cpus-per-task=").append(cpusPerTask).append('\n');
        if (gpu) {
            a.append("#SBATCH --gres=gpu:1\n");
        }
        a.append("# One task per (row, seed) of ").append(plan.out().toAbsolutePath()).append(": task i trains run i\n");
        a.append("# (").append(String.join(" ", plan.runs().stream().map(r -> r.index() + "=" + r.name()).toList()))
                .append(").\n");
        a.append("# A requeued or resubmitted task continues its run from last/; a finished run exits at once.\n");
        a.append("set -eu\n");
        a.append("echo \"task $SLURM_ARRAY_TASK_ID of job ${SLURM_ARRAY_JOB_ID:-?} on $(hostname), restart "
                + "${SLURM_RESTART_COUNT:-0}\"\n");
        a.append("exec ").append(run).append(" --task \"$SLURM_ARRAY_TASK_ID\" --devices ")
                .append(gpu ? "gpu:0" : "cpu").append(" --threads ").append(cpusPerTask).append('\n');
        Path array = dir.resolve(ARRAY);
        Files.writeString(array, a.toString(), StandardCharsets.UTF_8);

        String agg = "#!/bin/bash\n"
                + "#SBATCH --job-name=haxlab-table-aggregate\n"
                + "#SBATCH --output=" + logs + "/slurm-aggregate.log\n"
                + "#SBATCH --ntasks=1\n"
                + "#SBATCH --cpus-per-task=1\n"
                + "# Writes table.md and table.csv once every task of the array ended; exits 1 naming missing runs.\n"
                + "set -eu\n"
                + "exec " + run + " --aggregate\n";
        Path aggregate = dir.resolve(AGGREGATE);
        Files.writeString(aggregate, agg, StandardCharsets.UTF_8);

        String submit = "#!/bin/bash\n"
                + "# Submits the array, then the aggregation once every task ended (afterany: also after failures,\n"
                + "# so the table says which runs are missing). Extra sbatch options (partition, account, time)\n"
                + "# go before the script: SBATCH_ARGS='--partition=gpu --time=12:00:00' ./submit.sh\n"
                + "set -eu\n"
                + "cd \"$(dirname \"$0\")\"\n"
                + "array=$(sbatch --parsable ${SBATCH_ARGS:-} " + ARRAY + ")\n"
                + "array=${array%%;*}\n"
                + "agg=$(sbatch --parsable ${SBATCH_ARGS:-} --dependency=afterany:$array " + AGGREGATE + ")\n"
                + "echo \"submitted array $array (" + n + " tasks) and aggregation ${agg%%;*}\"\n";
        Path sub = dir.resolve(SUBMIT);
        Files.writeString(sub, submit, StandardCharsets.UTF_8);
        List<Path> out = new ArrayList<>(List.of(array, aggregate, sub));
        for (Path p : out) {
            try {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the scripts still run with `bash FILE` / `sbatch FILE`
            }
        }
        return out;
    }

    /** Single-quotes every word that needs it for bash. */
    static String shell(List<String> words) {
        List<String> q = new ArrayList<>();
        for (String w : words) {
            q.add(w.matches("[A-Za-z0-9_@%+=:,./-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return String.join(" ", q);
    }
}
