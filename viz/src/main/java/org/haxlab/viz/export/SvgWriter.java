package org.haxlab.viz.export;

import org.haxlab.viz.heatmap.Palettes;

import java.util.Locale;

/**
 * A minimal SVG 1.1 document builder: rectangles, polygons, lines and text, with XML escaping.
 * JFreeChart 1.5 has no SVG output and JFreeSVG is not a dependency, so the pixel views write their
 * own vector form through this.
 */
public final class SvgWriter {
    private final StringBuilder body = new StringBuilder();
    private final double width;
    private final double height;
    private int elements;

    /** A document of the given size in user units (pixels). */
    public SvgWriter(double width, double height) {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("svg: size must be positive, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
    }

    /** A filled rectangle. */
    public SvgWriter rect(double x, double y, double w, double h, int argb) {
        body.append(String.format(Locale.ROOT, "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"/>%n",
                num(x), num(y), num(w), num(h), Palettes.hex(argb)));
        elements++;
        return this;
    }

    /** A filled polygon through (xs[i], ys[i]). */
    public SvgWriter polygon(double[] xs, double[] ys, int argb) {
        if (xs.length != ys.length || xs.length < 3) {
            throw new IllegalArgumentException("svg: a polygon needs >= 3 points and as many x as y");
        }
        body.append("<polygon points=\"");
        for (int i = 0; i < xs.length; i++) {
            body.append(i == 0 ? "" : " ").append(num(xs[i])).append(',').append(num(ys[i]));
        }
        body.append("\" fill=\"").append(Palettes.hex(argb)).append("\"/>\n");
        elements++;
        return this;
    }

    /** A line. */
    public SvgWriter line(double x1, double y1, double x2, double y2, int argb, double strokeWidth) {
        body.append(String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>%n",
                num(x1), num(y1), num(x2), num(y2), Palettes.hex(argb), num(strokeWidth)));
        elements++;
        return this;
    }

    /** Centred text with its baseline at y. */
    public SvgWriter text(double x, double y, double size, String text) {
        body.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" font-family=\"sans-serif\" "
                + "text-anchor=\"middle\">%s</text>%n", num(x), num(y), num(size), escape(text)));
        elements++;
        return this;
    }

    /** Text with its baseline at y, anchored at its start, middle or end, optionally bold. */
    public SvgWriter text(double x, double y, double size, String text, String anchor, boolean bold) {
        if (!anchor.equals("start") && !anchor.equals("middle") && !anchor.equals("end")) {
            throw new IllegalArgumentException("svg: text anchor must be start, middle or end, got " + anchor);
        }
        body.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" font-size=\"%s\" font-family=\"sans-serif\" "
                + "text-anchor=\"%s\"%s>%s</text>%n", num(x), num(y), num(size), anchor,
                bold ? " font-weight=\"bold\"" : "", escape(text)));
        elements++;
        return this;
    }

    /** Starts a group moved by (dx, dy): what follows is drawn in its own coordinates until {@link #endGroup()}. */
    public SvgWriter beginGroup(double dx, double dy) {
        body.append(String.format(Locale.ROOT, "<g transform=\"translate(%s,%s)\">%n", num(dx), num(dy)));
        return this;
    }

    /** Ends the group begun last. */
    public SvgWriter endGroup() {
        body.append("</g>\n");
        return this;
    }

    /** Number of elements written. */
    public int elements() {
        return elements;
    }

    /** The complete document. */
    public String toSvg() {
        return String.format(Locale.ROOT, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>%n"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%s\" height=\"%s\" "
                + "viewBox=\"0 0 %s %s\">%n", num(width), num(height), num(width), num(height)) + body + "</svg>\n";
    }

    /** Escapes the five XML special characters. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
