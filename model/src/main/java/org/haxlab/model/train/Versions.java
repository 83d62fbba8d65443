package org.haxlab.model.train;

import ai.djl.engine.Engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions recorded in every run record (provenance: what produced these weights). */
public final class Versions {

    private static final String HAXLAB = load();

    private Versions() {
    }

    /** HAX Lab's version (from the Maven build), or "dev" when run from unfiltered sources. */
    public static String haxlab() {
        return HAXLAB;
    }

    /** DJL's version, e.g. 0.33.0. */
    public static String djl() {
        return Engine.getDjlVersion();
    }

    private static String load() {
        try (InputStream in = Versions.class.getResourceAsStream("haxlab-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
