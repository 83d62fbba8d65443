#!/usr/bin/env bash
# Builds the Linux app image app/target/dist/haxlab/ (launcher bin/haxlab) with jlink + jpackage.
# Called by `mvn -B -Ppackage package -DskipTests` after the jar and target/lib are built; by hand:
#   bash packaging/make-image.sh app/target 0.1.0
#
# The runtime is a jlink image of JDK modules only. JavaFX, DJL and the PyTorch CPU natives travel as
# class-path jars in the image's lib/app/ (JavaFX jmods are not on Maven Central; JavaFX loaded from
# class-path jars works on JDK 17 and logs one "Unsupported JavaFX configuration" warning).
set -euo pipefail

target="$(cd "${1:?usage: make-image.sh <app/target> <version>}" && pwd)"
version="${2:?usage: make-image.sh <app/target> <version>}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jlink="$java_home/bin/jlink"
jpackage="$java_home/bin/jpackage"
for tool in "$jlink" "$jpackage"; do
  [[ -x "$tool" ]] || { echo "make-image.sh: $tool not found: a full JDK 17 (with jlink and jpackage) is needed" >&2; exit 1; }
done
[[ -f "$target/haxlab.jar" && -d "$target/lib" ]] || {
  echo "make-image.sh: $target/haxlab.jar or $target/lib missing: run 'mvn -B -Ppackage package -DskipTests'" >&2; exit 1; }

# JDK modules the app, JavaFX (class path), DJL, gson, picocli and slf4j use; found with jdeps (which
# also names java.compiler, referenced by DJL's api jar) and by running the image. java.desktop:
# JavaFX-Swing and image I/O; jdk.unsupported: sun.misc.Unsafe (JavaFX, DJL); jdk.zipfs and
# jdk.localedata keep jar and locale handling complete; jdk.management: the machine's memory size, from which
# the CLI bounds the sizes a user may ask for.
modules="java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.sql,java.xml,jdk.jfr,jdk.management,jdk.unsupported,jdk.zipfs,jdk.localedata"

input="$target/jpackage-input"
runtime="$target/jlink-runtime"
dist="$target/dist"
rm -rf "$input" "$runtime" "$dist"
mkdir -p "$input/lib"
cp "$target/haxlab.jar" "$input/"
cp "$target"/lib/*.jar "$input/lib/"   # the jar's manifest Class-Path points at lib/*.jar

"$jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$runtime"

"$jpackage" --type app-image --name haxlab --app-version "$version" --vendor "HAX Lab" \
  --description "A desktop lab for SSMs, sparse attention and HAX on joint recall" \
  --input "$input" --main-jar haxlab.jar --main-class org.haxlab.app.Main \
  --runtime-image "$runtime" --icon "$repo/assets/icon-256.png" \
  --java-options "-Dai.djl.offline=true" --dest "$dist"

# jpackage installs desktop entries only for .deb/.rpm; the app image carries them for share/install.sh.
share="$dist/haxlab/share"
mkdir -p "$share"
cp "$repo/assets/packaging/haxlab.desktop" "$repo/packaging/install.sh" "$share/"
cp "$repo/assets/icon-256.png" "$share/haxlab.png"
chmod 755 "$share/install.sh"
echo "App image: $dist/haxlab ($(du -sh "$dist/haxlab" | cut -f1)); launcher: $dist/haxlab/bin/haxlab"
