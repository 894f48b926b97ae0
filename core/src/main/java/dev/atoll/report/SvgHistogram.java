package dev.atoll.report;

import dev.atoll.diff.Histogram;

/**
 * A histogram of one numeric column as a standalone SVG string: before (grey) and after (blue) bars
 * side by side per bin, heights scaled to the larger count, with the range and a legend.
 */
public final class SvgHistogram {
    static final int WIDTH = 420;
    static final int HEIGHT = 160;
    private static final int PLOT_TOP = 22;
    private static final int PLOT_BOTTOM = 130;

    private SvgHistogram() {
    }

    public static String render(String column, Histogram histogram) {
        int bins = histogram.bins();
        long peak = 1;
        for (int i = 0; i < bins; i++) {
            peak = Math.max(peak, Math.max(histogram.before().get(i), histogram.after().get(i)));
        }
        double slot = (WIDTH - 20.0) / Math.max(1, bins);
        double bar = Math.max(1, slot / 2 - 1);
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"histogram of ")
                .append(Text.html(column)).append("\">");
        svg.append("<title>").append(Text.html(column)).append(": before (grey) and after (blue)</title>");
        svg.append("<text x=\"10\" y=\"14\" font-family=\"sans-serif\" font-size=\"12\">").append(Text.html(column)).append("</text>");
        svg.append("<rect x=\"").append(WIDTH - 150).append("\" y=\"5\" width=\"10\" height=\"10\" fill=\"#999\"/>")
                .append("<text x=\"").append(WIDTH - 136).append("\" y=\"14\" font-family=\"sans-serif\" font-size=\"11\">before</text>")
                .append("<rect x=\"").append(WIDTH - 80).append("\" y=\"5\" width=\"10\" height=\"10\" fill=\"#1f75cb\"/>")
                .append("<text x=\"").append(WIDTH - 66).append("\" y=\"14\" font-family=\"sans-serif\" font-size=\"11\">after</text>");
        double plot = PLOT_BOTTOM - PLOT_TOP;
        for (int i = 0; i < bins; i++) {
            double x = 10 + i * slot;
            bar(svg, x, bar, histogram.before().get(i), peak, plot, "#999");
            bar(svg, x + bar + 1, bar, histogram.after().get(i), peak, plot, "#1f75cb");
        }
        svg.append("<line x1=\"10\" y1=\"").append(PLOT_BOTTOM).append("\" x2=\"").append(WIDTH - 10).append("\" y2=\"")
                .append(PLOT_BOTTOM).append("\" stroke=\"#333\"/>");
        svg.append("<text x=\"10\" y=\"").append(PLOT_BOTTOM + 16).append("\" font-family=\"sans-serif\" font-size=\"11\">")
                .append(Text.html(Text.number(histogram.min()))).append("</text>");
        svg.append("<text x=\"").append(WIDTH - 10).append("\" y=\"").append(PLOT_BOTTOM + 16)
                .append("\" font-family=\"sans-serif\" font-size=\"11\" text-anchor=\"end\">")
                .append(Text.html(Text.number(histogram.max()))).append("</text>");
        svg.append("</svg>");
        return svg.toString();
    }

    private static void bar(StringBuilder svg, double x, double width, long count, long peak, double plot, String fill) {
        double h = count == 0 ? 0 : Math.max(1, plot * count / peak);
        svg.append(String.format(java.util.Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%d</title></rect>",
                x, PLOT_BOTTOM - h, width, h, fill, count));
    }
}
