package org.haxlab.model.train;

import ai.djl.ndarray.NDList;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import org.haxlab.model.io.BoundedJson;
import org.haxlab.model.io.Utf8Text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two files that make a checkpoint resumable: {@value ResumeState#FILE} and
 * {@value ResumeState#OPTIMIZER_FILE} (the AdamW moments as an NDList, arrays named {@code first/NAME} and
 * {@code second/NAME}). Written by {@link CheckpointStore} into the checkpoint's temporary directory, so
 * they appear together with the weights or not at all.
 */
final class ResumeFiles {

    private static final String FIRST = "first/";
    private static final String SECOND = "second/";

    private ResumeFiles() {
    }

    /** Writes both files of {@code snapshot} into {@code dir} (fsync'ed). */
    static void write(Path dir, TrainingSnapshot snapshot) throws IOException {
        NDList list = new NDList();
        // names live only in the encoded file; the optimiser never reads them
        snapshot.first().forEach((n, a) -> {
            a.setName(FIRST + n);
            list.add(a);
        });
        snapshot.second().forEach((n, a) -> {
            a.setName(SECOND + n);
            list.add(a);
        });
        byte[] bytes = list.encode();
        CheckpointStore.writeSynced(dir.resolve(ResumeState.OPTIMIZER_FILE), bytes);
        JsonObject json = snapshot.state().toJson(CheckpointStore.sha256(bytes), bytes.length);
        json.addProperty(RecordSeal.FIELD, RecordSeal.PLACEHOLDER);   // sealed like run.json: no silent edits
        String text = RecordSeal.seal(new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(json));
        CheckpointStore.writeSynced(dir.resolve(ResumeState.FILE), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads and validates the resume files of the already validated checkpoint {@code cp}.
     *
     * @throws CheckpointException naming the file and what is wrong (missing, truncated, corrupt, mismatched)
     */
    static ResumePoint read(Checkpoint cp) throws CheckpointException {
        Path stateFile = cp.dir().resolve(ResumeState.FILE);
        if (!Files.isRegularFile(stateFile)) {
            throw new CheckpointException(stateFile, "is missing: this checkpoint holds weights only (the run diverged,"
                    + " or an older HAX Lab wrote it) and cannot be resumed");
        }
        ResumeState state;
        long want;
        String wantSha;
        try {
            String text = Utf8Text.read(stateFile, CheckpointStore.MAX_RECORD_BYTES);
            RecordSeal.verify(text);
            JsonObject json = BoundedJson.parse(text).getAsJsonObject();
            state = ResumeState.fromJson(json);
            JsonObject opt = ConfigJson.object(json, "optimizer");
            want = ConfigJson.longValue(opt, "bytes");
            wantSha = ConfigJson.string(opt, "sha256");
        } catch (IOException e) {
            throw new CheckpointException(stateFile, "cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CheckpointException(stateFile, "is not a valid resume record: " + e.getMessage(), e);
        }
        if (state.step() != cp.record().step()) {
            throw new CheckpointException(stateFile, "is at step " + state.step() + " but "
                    + CheckpointStore.RECORD_FILE + " is at step " + cp.record().step() + " (files from two saves)");
        }
        Path file = cp.dir().resolve(ResumeState.OPTIMIZER_FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CheckpointException(file, CheckpointStore.unreadable(e), e);
        }
        if (bytes.length != want) {
            throw new CheckpointException(file, "is " + bytes.length + " bytes but " + ResumeState.FILE + " says "
                    + want + " (truncated or replaced)");
        }
        String sha = CheckpointStore.sha256(bytes);
        if (!sha.equals(wantSha)) {
            throw new CheckpointException(file, "SHA-256 " + sha + " does not match " + ResumeState.FILE
                    + ": the file is corrupt");
        }
        Map<String, float[]> first = new LinkedHashMap<>();
        Map<String, float[]> second = new LinkedHashMap<>();
        Map<String, long[]> shapes = cp.record().shapes();
        Map<String, WeightsDecoder.Array> arrays;
        try {
            arrays = WeightsDecoder.decode(bytes);   // plain Java, every length checked (as the weights)
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(file, "cannot be decoded as an NDList: " + e.getMessage(), e);
        }
        for (Map.Entry<String, WeightsDecoder.Array> a : arrays.entrySet()) {
            String n = a.getKey();
            boolean isFirst = n.startsWith(FIRST);
            String param = isFirst ? n.substring(FIRST.length())
                    : n.startsWith(SECOND) ? n.substring(SECOND.length()) : null;
            if (param == null || !shapes.containsKey(param)) {
                throw new CheckpointException(file, "holds array '" + n + "', not a moment of a parameter listed in "
                        + CheckpointStore.RECORD_FILE);
            }
            if (!Arrays.equals(shapes.get(param), a.getValue().shape())) {
                throw new CheckpointException(file, "array '" + n + "' has shape " + Arrays.toString(a.getValue().shape())
                        + " but the parameter has " + Arrays.toString(shapes.get(param)));
            }
            (isFirst ? first : second).put(param, a.getValue().values());
        }
        if (!first.keySet().equals(shapes.keySet()) || !second.keySet().equals(shapes.keySet())) {
            throw new CheckpointException(file, "does not hold both moments of every parameter "
                    + shapes.keySet());
        }
        return new ResumePoint(cp, state, first, second);
    }
}
