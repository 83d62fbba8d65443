package org.haxlab.app.bench;

import java.util.Locale;

/**
 * One model's training-step comparison: HAX Lab (DJL) against the PyTorch-eager peer on the same CPU.
 *
 * @param backbone  mamba1 or mamba2
 * @param pattern   pattern id as in {@code inspect}
 * @param batch     sequences per step
 * @param length    input length L
 * @param java      HAX Lab step times, ms
 * @param peer      the peer's step times, or null when it did not run
 * @param peerNote  why the peer has no numbers (empty when it has)
 */
public record TrainRow(String backbone, String pattern, int batch, int length, Stats java, Stats peer,
                       String peerNote) {

    /** CSV header. */
    public static final String CSV_HEADER =
            "backbone,pattern,batch,length,java_ms_median,java_ms_min,java_ms_max,java_tokens_per_s,"
                    + "peer_ms_median,peer_ms_min,peer_ms_max,peer_tokens_per_s,speedup_vs_peer";

    /** Tokens per second at the median step. */
    public static double tokensPerS(int batch, int length, Stats s) {
        return (double) batch * length / (s.median() / 1000);
    }

    /** HAX Lab tokens/s. */
    public double javaTokensPerS() {
        return tokensPerS(batch, length, java);
    }

    /** Peer median step time over HAX Lab's (> 1: HAX Lab is faster); NaN without a peer. */
    public double speedup() {
        return peer == null ? Double.NaN : peer.median() / java.median();
    }

    /** One CSV line (peer columns empty when it did not run). */
    public String csv() {
        String p = peer == null ? ",,,," : String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f,%.2f", peer.median(),
                peer.min(), peer.max(), tokensPerS(batch, length, peer), speedup());
        return String.format(Locale.ROOT, "%s,%s,%d,%d,%.1f,%.1f,%.1f,%.1f,", backbone, pattern, batch, length,
                java.median(), java.min(), java.max(), javaTokensPerS()) + p;
    }

    /** One aligned text line. */
    public String text() {
        String p = peer == null ? "peer: " + peerNote : String.format(Locale.ROOT, "%9.1f %9.0f %7.2fx", peer.median(),
                tokensPerS(batch, length, peer), speedup());
        return String.format(Locale.ROOT, "%-7s %-5s %3d %5d %9.1f %9.1f %9.1f %9.0f  ", backbone, pattern, batch, length,
                java.median(), java.min(), java.max(), javaTokensPerS()) + p;
    }

    /** Header of {@link #text()}. */
    public static String textHeader() {
        return String.format(Locale.ROOT, "%-7s %-5s %3s %5s %9s %9s %9s %9s  %9s %9s %8s", "backbone", "pat", "B",
                "L", "java ms", "min", "max", "java t/s", "peer ms", "peer t/s", "peer/java");
    }

    /** One Markdown table row. */
    public String markdown() {
        String p = peer == null ? "| | | " + peerNote + " |" : String.format(Locale.ROOT, "| %.1f (%.1f-%.1f) | %.0f | %.2fx |",
                peer.median(), peer.min(), peer.max(), tokensPerS(batch, length, peer), speedup());
        return String.format(Locale.ROOT, "| %s | %s | %d | %.1f (%.1f-%.1f) | %.0f ", backbone, pattern, batch,
                java.median(), java.min(), java.max(), javaTokensPerS()) + p;
    }

    /** Header of {@link #markdown()}. */
    public static String markdownHeader() {
        return "| backbone | pattern | B | HAX Lab ms/step (min-max) | HAX Lab tokens/s | PyTorch eager ms/step (min-max) "
                + "| PyTorch tokens/s | speed-up (peer ms / HAX Lab ms) |\n|---|---|---:|---|---:|---|---:|---:|";
    }
}
