package org.haxlab.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every "spec §N" in the repository's sources and documents resolves to a section of docs/SPEC.md, and no
 * comment points at an issue number or at a file outside the repository (docs/ARCHITECTURE.md).
 */
class SpecReferencesTest {

    private static final Pattern REFERENCE = Pattern.compile("spec §(\\d+)");
    private static final Pattern HEADING = Pattern.compile("^## (\\d+)\\. ", Pattern.MULTILINE);
    private static final Pattern ISSUE = Pattern.compile("\\b[Ii]ssues? #?\\d+");

    private static Path root() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/SPEC.md")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no docs/SPEC.md above " + dir);
    }

    private static List<Path> sources(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String top : List.of("model/src", "viz/src", "app/src", "docs", "samples", "packaging", ".ci")) {
            Path dir = root.resolve(top);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(java|md|py|sh)$")
                                || p.getFileName().toString().equals("run"))
                        .forEach(out::add);
            }
        }
        out.add(root.resolve("README.md"));
        return out;
    }

    @Test
    void everySpecReferenceNamesASectionOfSpecMd() throws IOException {
        Path root = root();
        Set<String> sections = new TreeSet<>();
        Matcher h = HEADING.matcher(Files.readString(root.resolve("docs/SPEC.md"), StandardCharsets.UTF_8));
        while (h.find()) {
            sections.add(h.group(1));
        }
        assertTrue(sections.containsAll(List.of("1", "2", "3", "4", "5")), "SPEC.md sections: " + sections);
        List<String> unresolved = new ArrayList<>();
        int seen = 0;
        for (Path f : sources(root)) {
            Matcher m = REFERENCE.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                seen++;
                if (!sections.contains(m.group(1))) {
                    unresolved.add(root.relativize(f) + ": " + m.group());
                }
            }
        }
        assertTrue(seen > 100, "the scan found the references (" + seen + ")");
        assertTrue(unresolved.isEmpty(), "references to no section of docs/SPEC.md: " + unresolved);
    }

    @Test
    void commentsPointAtNoIssueNumberAndNoFileOutsideTheRepository() throws IOException {
        Path root = root();
        List<String> found = new ArrayList<>();
        for (Path f : sources(root)) {
            if (f.endsWith(Path.of("model/src/test/java/org/haxlab/model/SpecReferencesTest.java"))) {
                continue;
            }
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (ISSUE.matcher(line).find() || line.contains("../shared")) {
                    found.add(root.relativize(f) + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertTrue(found.isEmpty(), "issue numbers or paths outside the repository: " + found);
    }
}
