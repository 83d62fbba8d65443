package org.haxlab.model.train;

import ai.djl.ndarray.NDList;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonElement;
import org.haxlab.model.io.BoundedJson;
import org.haxlab.model.io.Utf8Text;
import org.haxlab.model.nd.HostReads;
import org.haxlab.model.nd.InitScheme;
import org.haxlab.model.nn.ModelConfig;
import org.haxlab.model.nn.SequenceModel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves and loads checkpoints. A checkpoint is a directory holding {@value #WEIGHTS_FILE} (DJL's
 * {@link NDList#encode()} of the named params) and {@value #RECORD_FILE} ({@link RunRecord}); a run
 * directory holds {@value #BEST}/ and {@value #LAST}/.
 *
 * <p>Saving is crash-safe: both files are written and fsync'ed into a temporary sibling directory, then the
 * old checkpoint is renamed aside ({@code .NAME.old}) and the new one renamed into place (atomic moves on
 * one file system). A kill at any moment leaves either the new checkpoint or the previous one, which
 * {@link #read} finds (it falls back to {@code .NAME.old} when {@code NAME} is missing).
 */
public final class CheckpointStore {

    /** Weights file name inside a checkpoint directory. */
    public static final String WEIGHTS_FILE = "weights.ndlist";
    /** Run record file name inside a checkpoint directory. */
    public static final String RECORD_FILE = "run.json";
    /** Largest {@value #RECORD_FILE} read: a record is a few KiB, even for a large model. */
    static final long MAX_RECORD_BYTES = 16L << 20;
    /** Best-validation checkpoint inside a run directory. */
    public static final String BEST = "best";
    /** Latest checkpoint inside a run directory. */
    public static final String LAST = "last";

    /** Called at named stages of a save; tests throw from it to simulate a crash there. */
    @FunctionalInterface
    public interface SaveHook {
        /**
         * Stages: {@code weights-written}, {@code record-written}, {@code resume-written} (resumable saves only),
         * {@code old-moved}, {@code swapped}.
         */
        void at(String stage) throws IOException;
    }

    private final SaveHook hook;

    /** A store without hooks. */
    public CheckpointStore() {
        this(stage -> { });
    }

    /** A store that calls {@code hook} during saves (for crash tests). */
    public CheckpointStore(SaveHook hook) {
        this.hook = hook;
    }

    /**
     * Writes {@code model}'s weights and {@code record} (completed with the weights' hash and shapes) as the
     * checkpoint directory {@code dir}, replacing any previous one atomically.
     *
     * @return the record as written
     */
    public RunRecord save(Path dir, SequenceModel model, RunRecord record) throws CheckpointException {
        return save(dir, model, record, null);
    }

    /**
     * Same, and when {@code snapshot} is not null also the files that make the checkpoint resumable
     * ({@value ResumeState#FILE}, {@value ResumeState#OPTIMIZER_FILE}), in the same atomic swap.
     *
     * @return the record as written
     */
    public RunRecord save(Path dir, SequenceModel model, RunRecord record, TrainingSnapshot snapshot)
            throws CheckpointException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        String name = target.getFileName().toString();
        Path old = parent.resolve("." + name + ".old");
        Path tmp = parent.resolve("." + name + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(parent);
            if (!Files.exists(target) && Files.isDirectory(old)) {
                // a previous save was killed between its two renames: put the old checkpoint back first
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.createDirectory(tmp);
            NDList list = new NDList();
            Map<String, long[]> shapes = new LinkedHashMap<>();
            model.params().asMap().forEach((n, a) -> {
                list.add(a);
                shapes.put(n, a.getShape().getShape());
            });
            byte[] weights = list.encode();
            writeSynced(tmp.resolve(WEIGHTS_FILE), weights);
            hook.at("weights-written");
            RunRecord full = record.withWeights(sha256(weights), weights.length, shapes);
            JsonObject recordJson = full.toJson();
            recordJson.addProperty(RecordSeal.FIELD, RecordSeal.PLACEHOLDER);
            String json = RecordSeal.seal(new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(recordJson));
            writeSynced(tmp.resolve(RECORD_FILE), json.getBytes(StandardCharsets.UTF_8));
            hook.at("record-written");
            if (snapshot != null) {
                ResumeFiles.write(tmp, snapshot);
                hook.at("resume-written");
            }
            syncDirectory(tmp);
            if (Files.exists(target)) {
                deleteTree(old);
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            hook.at("old-moved");
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(parent);
            hook.at("swapped");
            deleteTree(old);
            return full;
        } catch (IOException | RuntimeException e) {
            try {
                if (!Files.exists(target) && Files.isDirectory(old)) {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                }
                deleteTree(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new CheckpointException(target, "could not save the checkpoint: " + e.getMessage(), e);
        }
    }

    /**
     * The checkpoint directory meant by {@code path}: itself when it holds {@value #RECORD_FILE}; its
     * {@value #BEST}/ (else {@value #LAST}/) when it is a run directory; {@code .NAME.old} when a save was
     * killed mid-swap.
     */
    public static Path resolve(Path path) throws CheckpointException {
        Path p = path.toAbsolutePath().normalize();
        if (Files.isRegularFile(p.resolve(RECORD_FILE))) {
            return p;
        }
        for (String sub : new String[] {BEST, LAST}) {
            if (Files.isDirectory(p.resolve(sub)) || Files.isDirectory(p.resolve("." + sub + ".old"))) {
                return resolve(p.resolve(sub));
            }
        }
        Path old = p.getParent() == null ? null : p.getParent().resolve("." + p.getFileName() + ".old");
        if (!Files.exists(p) && old != null && Files.isRegularFile(old.resolve(RECORD_FILE))) {
            return old;
        }
        if (!Files.exists(p)) {
            throw new CheckpointException(p, "no such checkpoint directory");
        }
        throw new CheckpointException(p, "not a checkpoint: no " + RECORD_FILE + " (and no " + BEST + "/ or " + LAST + "/)");
    }

    /** Reads and validates the checkpoint at {@code path} (see {@link #resolve}). */
    public Checkpoint read(Path path) throws CheckpointException {
        Path dir = resolve(path);
        Path recordFile = dir.resolve(RECORD_FILE);
        RunRecord record;
        try {
            String text = Utf8Text.read(recordFile, MAX_RECORD_BYTES);
            RecordSeal.verify(text);
            JsonElement json = BoundedJson.parse(text);
            if (!json.isJsonObject()) {
                throw new IllegalArgumentException("the document is not a JSON object");
            }
            record = RunRecord.fromJson(json.getAsJsonObject());
        } catch (IOException e) {
            throw new CheckpointException(recordFile, "cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CheckpointException(recordFile, "is not a valid run record: " + e.getMessage(), e);
        }
        Path weightsFile = dir.resolve(WEIGHTS_FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(weightsFile);
        } catch (IOException e) {
            throw new CheckpointException(weightsFile, unreadable(e), e);
        }
        if (bytes.length != record.weightsBytes()) {
            throw new CheckpointException(weightsFile, "is " + bytes.length + " bytes but " + RECORD_FILE + " says "
                    + record.weightsBytes() + " (truncated or replaced)");
        }
        String sha = sha256(bytes);
        if (!sha.equals(record.weightsSha256())) {
            throw new CheckpointException(weightsFile, "SHA-256 " + sha + " does not match " + RECORD_FILE + " ("
                    + record.weightsSha256() + "): the file is corrupt");
        }
        Map<String, float[]> weights = new LinkedHashMap<>();
        Map<String, WeightsDecoder.Array> arrays;
        try {
            arrays = WeightsDecoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(weightsFile, "cannot be decoded as an NDList: " + e.getMessage(), e);
        }
        for (Map.Entry<String, WeightsDecoder.Array> a : arrays.entrySet()) {
            String n = a.getKey();
            if (!record.shapes().containsKey(n)) {
                throw new CheckpointException(weightsFile, "holds array '" + n + "' not listed in " + RECORD_FILE);
            }
            if (!Arrays.equals(record.shapes().get(n), a.getValue().shape())) {
                throw new CheckpointException(weightsFile, "array '" + n + "' has shape "
                        + Arrays.toString(a.getValue().shape()) + " but " + RECORD_FILE + " says "
                        + Arrays.toString(record.shapes().get(n)));
            }
            weights.put(n, a.getValue().values());
        }
        if (!weights.keySet().equals(record.shapes().keySet())) {
            throw new CheckpointException(weightsFile, "holds " + weights.keySet() + " but " + RECORD_FILE + " lists "
                    + record.shapes().keySet());
        }
        return new Checkpoint(dir, record, weights);
    }

    /**
     * Reads the checkpoint at {@code path} and copies its weights into {@code model}, after checking that the
     * saved configuration (seed and init scheme aside: both only say how the first weights were drawn, and the
     * checkpoint's weights replace them) and every name and shape match the model.
     *
     * @return the checkpoint's run record
     */
    public RunRecord loadInto(Path path, SequenceModel model) throws CheckpointException {
        return loadInto(read(path), model);
    }

    /**
     * Reads the resumable checkpoint at {@code path} (a run directory means its {@value #LAST}/): weights,
     * record, {@link ResumeState} and AdamW moments, all validated (sizes, hashes, names, shapes).
     *
     * @throws CheckpointException naming the file and what is wrong, also when the checkpoint holds weights only
     */
    public ResumePoint readResume(Path path) throws CheckpointException {
        Path p = path.toAbsolutePath().normalize();
        boolean runDir = !Files.isRegularFile(p.resolve(RECORD_FILE));
        Path last = p.resolve(LAST);
        if (runDir && !Files.isDirectory(last) && !Files.isDirectory(p.resolve("." + LAST + ".old"))) {
            throw new CheckpointException(last, "is missing: the run folder holds no complete checkpoint to resume");
        }
        return ResumeFiles.read(read(runDir ? last : p));
    }

    /**
     * Copies the weights of the already read checkpoint {@code cp} into {@code model}, after checking that the
     * saved configuration (seed aside) and every name and shape match the model.
     *
     * @return the checkpoint's run record
     */
    public RunRecord loadInto(Checkpoint cp, SequenceModel model) throws CheckpointException {
        Path recordFile = cp.dir().resolve(RECORD_FILE);
        ModelConfig saved = cp.record().model().withSeed(0).withInit(InitScheme.RELEASED);
        ModelConfig have = model.config().withSeed(0).withInit(InitScheme.RELEASED);
        if (!saved.equals(have)) {
            String fields = differences(ConfigJson.toJson(saved), ConfigJson.toJson(have), "");
            throw new CheckpointException(recordFile, "model config does not match: " + (fields.isEmpty()
                    ? "checkpoint is " + saved + ", model is " + have : fields));
        }
        Map<String, long[]> shapes = cp.record().shapes();
        for (String n : model.params().names()) {
            if (!shapes.containsKey(n)) {
                throw new CheckpointException(cp.dir().resolve(WEIGHTS_FILE), "has no array '" + n + "' (it has "
                        + shapes.keySet() + ")");
            }
            long[] want = model.params().get(n).getShape().getShape();
            if (!Arrays.equals(want, shapes.get(n))) {
                throw new CheckpointException(cp.dir().resolve(WEIGHTS_FILE), "array '" + n + "' has shape "
                        + Arrays.toString(shapes.get(n)) + ", the model needs " + Arrays.toString(want));
            }
        }
        if (shapes.size() != model.params().names().size()) {
            throw new CheckpointException(cp.dir().resolve(WEIGHTS_FILE), "has extra arrays: " + shapes.keySet()
                    + " vs the model's " + model.params().names());
        }
        model.params().copyFrom(cp.weights());
        return cp.record();
    }

    /**
     * The fields of two model configs (as written in run.json) that differ, as
     * {@code "dModel: the checkpoint has 32, the model 64"}: a user reading it knows which setting to change.
     */
    static String differences(JsonObject checkpoint, JsonObject model, String prefix) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String name : checkpoint.keySet()) {
            JsonElement a = checkpoint.get(name);
            JsonElement b = model.get(name);
            if (a.equals(b)) {
                continue;
            }
            if (a.isJsonObject() && b != null && b.isJsonObject()) {
                out.add(differences(a.getAsJsonObject(), b.getAsJsonObject(), prefix + name + "."));
            } else {
                out.add(prefix + name + ": the checkpoint has " + a + ", the model " + b);
            }
        }
        return String.join("; ", out);
    }

    /** Why a checkpoint file could not be read, in words (a missing file is an incomplete copy, not an I/O error). */
    static String unreadable(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "is missing: the checkpoint is incomplete (copy the whole folder)";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "cannot be read (permission denied)";
        }
        return "cannot be read: " + (e.getMessage() == null ? "I/O error" : e.getMessage());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static void writeSynced(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** fsync of a directory entry list (Linux, macOS); ignored where a directory cannot be opened (Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not supported on this platform: the renames are still atomic, only durability is weaker
        }
    }

    /** Deletes {@code p} and everything below it; nothing happens when it does not exist. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
