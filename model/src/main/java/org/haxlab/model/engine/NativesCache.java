package org.haxlab.model.engine;

import ai.djl.util.Platform;
import ai.djl.util.Utils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where DJL unpacks the PyTorch natives found on the classpath, and whether they are already there.
 *
 * <p>DJL copies the libraries out of the {@code pytorch-native-*} jar into
 * {@code <cacheRoot>/<version>-<flavor>-<classifier>/} (e.g. {@code ~/.djl.ai/pytorch/2.5.1-20241113-cpu-linux-x86_64})
 * on the first start, plus the JNI bridge {@code <djlVersion>-libdjl_torch.so}; this class reads the same
 * property files DJL reads so that the app can predict that folder, its size and its state without
 * loading anything native.
 *
 * @param cacheRoot       DJL's engine cache for PyTorch ({@code DJL_CACHE_DIR}/pytorch, default {@code ~/.djl.ai/pytorch})
 * @param dir             the folder for these natives inside {@code cacheRoot}
 * @param version         native build version, e.g. {@code 2.5.1-20241113}
 * @param flavor          {@code cpu} or a CUDA flavor such as {@code cu124}
 * @param classifier      platform, e.g. {@code linux-x86_64}
 * @param files           file name in {@code dir} to its size in bytes (the libraries and the JNI bridge)
 * @param cudaOnClasspath whether any CUDA build of the natives is on the classpath
 */
public record NativesCache(Path cacheRoot, Path dir, String version, String flavor, String classifier,
                           Map<String, Long> files, boolean cudaOnClasspath) {

    /** Where the natives jar keeps its description (the same file DJL's {@code Platform} reads). */
    static final String PROPERTIES = "native/lib/pytorch.properties";

    /** How far the files in the cache folder are. */
    public enum State {
        /** Nothing there yet: the first start will unpack (about 425 MB). */
        ABSENT,
        /** Every file there with its expected size. */
        PRESENT,
        /** Some files missing or of the wrong size: an interrupted unpack or a damaged cache. */
        INCOMPLETE
    }

    /** Copies the file map so the record stays immutable. */
    public NativesCache {
        Objects.requireNonNull(cacheRoot, "cacheRoot");
        Objects.requireNonNull(dir, "dir");
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /**
     * Finds the natives DJL will use from the context class loader and DJL's cache setting.
     *
     * @throws EngineUnavailableException when no PyTorch natives are on the classpath
     */
    public static NativesCache locate() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = NativesCache.class.getClassLoader();
        }
        return locate(loader, Utils.getEngineCacheDir("pytorch"));
    }

    /**
     * Finds the natives on {@code loader}'s classpath, as they would be unpacked under {@code cacheRoot}.
     *
     * @throws EngineUnavailableException when no PyTorch natives are on the classpath
     */
    public static NativesCache locate(ClassLoader loader, Path cacheRoot) {
        List<Properties> builds = readAll(loader, PROPERTIES);
        if (builds.isEmpty()) {
            throw new EngineUnavailableException("No PyTorch native libraries on the classpath (" + PROPERTIES
                    + " not found). Build with Maven so that pytorch-native-cpu (or, with -Pcuda, "
                    + "pytorch-native-cu124) lands in app/target/lib.");
        }
        boolean cuda = builds.stream().anyMatch(p -> p.getProperty("flavor", "").startsWith("cu"));
        Properties chosen = choose(builds);
        String version = chosen.getProperty("version", "");
        String flavor = chosen.getProperty("flavor", "cpu");
        String classifier = chosen.getProperty("classifier", "");
        Map<String, Long> files = new LinkedHashMap<>();
        for (String lib : chosen.getProperty("libraries", "").split(",")) {
            if (!lib.isBlank()) {
                files.put(lib.trim(), sizeOf(loader, "pytorch/" + flavor + "/" + classifier + "/" + lib.trim()));
            }
        }
        String jni = System.mapLibraryName("djl_torch");
        files.put(djlVersion(loader) + "-" + jni, sizeOf(loader, "jnilib/" + classifier + "/" + flavor + "/" + jni));
        Path dir = cacheRoot.resolve(version + "-" + flavor + "-" + classifier);
        return new NativesCache(cacheRoot, dir, version, flavor, classifier, files, cuda);
    }

    /**
     * Natives that live outside the jars, in {@code dir} ({@code PYTORCH_LIBRARY_PATH}); nothing to unpack.
     *
     * @param version {@code PYTORCH_VERSION}, or null
     * @param flavor  {@code PYTORCH_FLAVOR} such as cpu or cu124, or null (then cpu)
     */
    public static NativesCache external(Path dir, String version, String flavor) {
        String f = flavor == null || flavor.isBlank() ? "cpu" : flavor.trim();
        return new NativesCache(dir, dir, version == null ? "" : version.trim(), f, "", Map.of(), f.startsWith("cu"));
    }

    /** Total bytes of the natives once unpacked. */
    public long expectedBytes() {
        return files.values().stream().mapToLong(Long::longValue).filter(n -> n > 0).sum();
    }

    /** True for a CUDA build ({@code cu…} flavor). */
    public boolean cudaBuild() {
        return flavor.startsWith("cu");
    }

    /** The PyTorch release, e.g. {@code 2.5.1} from {@code 2.5.1-20241113}. */
    public String pytorchVersion() {
        int dash = version.indexOf('-');
        return dash < 0 ? version : version.substring(0, dash);
    }

    /** Looks at the files on disk now (cheap: one stat per file). */
    public State state() {
        if (!Files.isDirectory(dir)) {
            return State.ABSENT;
        }
        for (Map.Entry<String, Long> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            try {
                // A size of -1 means the jar entry size was unknown: existence is all we can check.
                if (!Files.isRegularFile(path) || (file.getValue() >= 0 && Files.size(path) != file.getValue())) {
                    return State.INCOMPLETE;
                }
            } catch (IOException e) {
                return State.INCOMPLETE;
            }
        }
        return State.PRESENT;
    }

    /** The build DJL's platform detection picks when there are several; otherwise the only one. */
    private static Properties choose(List<Properties> builds) {
        if (builds.size() > 1) {
            try {
                Platform platform = Platform.detectPlatform("pytorch");
                for (Properties p : builds) {
                    if (platform.getFlavor().equals(p.getProperty("flavor"))
                            && platform.getVersion().equals(p.getProperty("version"))) {
                        return p;
                    }
                }
            } catch (RuntimeException | AssertionError e) {
                // DJL rejects a CUDA build on a machine without CUDA; the first build is our best guess.
            }
        }
        return builds.get(0);
    }

    private static List<Properties> readAll(ClassLoader loader, String resource) {
        List<Properties> all = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(resource))) {
                Properties p = new Properties();
                try (InputStream in = url.openStream()) {
                    p.load(in);
                }
                all.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + " from the classpath", e);
        }
        return all;
    }

    /** The DJL version the JNI bridge is named after (DJL prefixes the cached file with it). */
    private static String djlVersion(ClassLoader loader) {
        List<Properties> engine = readAll(loader, "pytorch-engine.properties");
        return engine.isEmpty() ? "" : engine.get(0).getProperty("djl_version", "");
    }

    /** Size of a classpath entry without reading it (jar entries know their size), or -1. */
    private static long sizeOf(ClassLoader loader, String resource) {
        URL url = loader.getResource(resource);
        if (url == null) {
            return -1;
        }
        try {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            long size = connection.getContentLengthLong();
            // Without caches the connection owns its jar file; closing the (unread) stream releases it.
            connection.getInputStream().close();
            return size;
        } catch (IOException e) {
            return -1;
        }
    }
}
