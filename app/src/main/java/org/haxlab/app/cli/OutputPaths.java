package org.haxlab.app.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Checks an output path a user typed before any work starts, so that a directory that cannot be made is a
 * usage error naming the option and the reason (exit 2), not a stack trace after the engine has started.
 */
public final class OutputPaths {

    /** Longest file name most file systems accept, in bytes of UTF-8. */
    static final int MAX_NAME_BYTES = 255;

    private OutputPaths() {
    }

    /**
     * Checks, without creating anything, that {@code dir} for {@code option} can be a directory: no part of it is
     * a file, no name is too long, and the deepest part that exists is a writable directory.
     */
    public static Path checkDirectory(CommandLine cl, String option, Path dir) {
        Path p = checkNames(cl, option, dir);
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.exists(q) && !Files.isDirectory(q)) {
                throw new CommandLine.ParameterException(cl, option + " " + dir + ": " + (q.equals(p) ? "it" : q)
                        + " is a file, not a directory");
            }
            if (Files.isDirectory(q)) {
                if (!Files.isWritable(q)) {
                    throw new CommandLine.ParameterException(cl, option + " " + dir + ": " + (q.equals(p) ? "the directory"
                            : q) + " is not writable");
                }
                break;
            }
        }
        return p;
    }

    /** Makes {@code dir} (and its parents) for {@code option} and checks that it is a writable directory. */
    public static Path directory(CommandLine cl, String option, Path dir) {
        Path p = checkDirectory(cl, option, dir);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, option + " " + dir + ": cannot create the directory ("
                    + reason(e) + ")");
        }
        if (!Files.isWritable(p)) {
            throw new CommandLine.ParameterException(cl, option + " " + dir + ": the directory is not writable");
        }
        return p;
    }

    /** Checks that the file {@code file} for {@code option} can be created: its directory exists and is writable. */
    public static Path file(CommandLine cl, String option, Path file) {
        Path p = checkNames(cl, option, file);
        if (Files.isDirectory(p)) {
            throw new CommandLine.ParameterException(cl, option + " " + file + ": it is a directory, not a file");
        }
        Path parent = p.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CommandLine.ParameterException(cl, option + " " + file + ": the directory " + parent
                    + (Files.exists(parent) ? " is a file" : " does not exist"));
        }
        if (parent != null && !Files.isWritable(parent) || Files.exists(p) && !Files.isWritable(p)) {
            throw new CommandLine.ParameterException(cl, option + " " + file + ": not writable here");
        }
        return p;
    }

    /**
     * As {@link #file}, and refuses to replace an existing file whose first bytes lack {@code signature}: an
     * earlier output of the same command may be written again, but a sequence or a lesson typed as the output by
     * mistake is the user's work. An empty file holds nothing to lose.
     *
     * @param what the kind of file the command writes, for the message (e.g. "an inspection JSON")
     */
    public static Path replaceableFile(CommandLine cl, String option, Path file, String signature, String what) {
        Path p = file(cl, option, file);
        if (!Files.isRegularFile(p)) {
            return p;
        }
        byte[] head = new byte[SIGNATURE_BYTES];
        int n = 0;
        try (java.io.InputStream in = Files.newInputStream(p)) {
            for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0; ) {
                n += r;
            }
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, option + " " + file + ": the file exists and cannot be read ("
                    + reason(e) + "), so it is not replaced");
        }
        String start = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (n > 0 && !start.contains(signature)) {
            throw new CommandLine.ParameterException(cl, option + " " + file + ": the file exists and is not " + what
                    + ", so it is not replaced: choose another file, or move it away first");
        }
        return p;
    }

    /** How far into an existing output file {@link #replaceableFile} looks for the signature. */
    private static final int SIGNATURE_BYTES = 256;

    private static Path checkNames(CommandLine cl, String option, Path path) {
        Path p = path.toAbsolutePath().normalize();
        for (Path name : p) {
            if (name.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw new CommandLine.ParameterException(cl, option + ": a name in the path is longer than "
                        + MAX_NAME_BYTES + " bytes, the file system's limit: '" + Printable.of(name.toString()) + "'");
            }
        }
        return p;
    }

    /** Why an I/O call failed, in words. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
