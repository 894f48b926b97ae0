package dev.atoll.report;

import dev.atoll.diff.run.RunComparison.MetricCurve;
import dev.atoll.tracking.Metric;

import java.util.List;
import java.util.Locale;

/**
 * One metric's history in two runs as a standalone SVG string: value over step, before (grey) and
 * after (blue) as lines with a dot per point, both on the same scales, with the ranges and a legend.
 */
public final class SvgMetricCurve {
    static final int WIDTH = 420;
    static final int HEIGHT = 180;
    private static final int LEFT = 10;
    private static final int RIGHT = WIDTH - 10;
    private static final int TOP = 24;
    private static final int BOTTOM = 150;

    private SvgMetricCurve() {
    }

    public static String render(MetricCurve curve) {
        double minStep = Double.POSITIVE_INFINITY;
        double maxStep = Double.NEGATIVE_INFINITY;
        double minValue = Double.POSITIVE_INFINITY;
        double maxValue = Double.NEGATIVE_INFINITY;
        for (List<Metric> side : List.of(curve.before(), curve.after())) {
            for (Metric m : side) {
                if (Double.isFinite(m.value())) {
                    minStep = Math.min(minStep, m.step());
                    maxStep = Math.max(maxStep, m.step());
                    minValue = Math.min(minValue, m.value());
                    maxValue = Math.max(maxValue, m.value());
                }
            }
        }
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(Text.html(curve.key())).append(" by step\">");
        svg.append("<title>").append(Text.html(curve.key())).append(" by step: before (grey) and after (blue)</title>");
        svg.append("<text x=\"10\" y=\"14\" font-family=\"sans-serif\" font-size=\"12\">").append(Text.html(curve.key())).append("</text>");
        svg.append("<rect x=\"").append(WIDTH - 150).append("\" y=\"5\" width=\"10\" height=\"10\" fill=\"#999\"/>")
                .append("<text x=\"").append(WIDTH - 136).append("\" y=\"14\" font-family=\"sans-serif\" font-size=\"11\">before</text>")
                .append("<rect x=\"").append(WIDTH - 80).append("\" y=\"5\" width=\"10\" height=\"10\" fill=\"#1f75cb\"/>")
                .append("<text x=\"").append(WIDTH - 66).append("\" y=\"14\" font-family=\"sans-serif\" font-size=\"11\">after</text>");
        if (minStep <= maxStep) {
            line(svg, curve.before(), "#999", minStep, maxStep, minValue, maxValue);
            line(svg, curve.after(), "#1f75cb", minStep, maxStep, minValue, maxValue);
            label(svg, LEFT, BOTTOM + 16, "start", "step " + Text.number(minStep));
            label(svg, RIGHT, BOTTOM + 16, "end", "step " + Text.number(maxStep));
            label(svg, RIGHT, TOP - 2, "end", "max " + Text.number(maxValue));
            label(svg, RIGHT, BOTTOM - 4, "end", "min " + Text.number(minValue));
        }
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(BOTTOM).append("\" x2=\"").append(RIGHT).append("\" y2=\"")
                .append(BOTTOM).append("\" stroke=\"#333\"/>");
        return svg.append("</svg>").toString();
    }

    private static void line(StringBuilder svg, List<Metric> points, String color, double minStep, double maxStep,
                             double minValue, double maxValue) {
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (Metric m : points) {
            if (!Double.isFinite(m.value())) {
                continue;
            }
            double x = maxStep == minStep ? (LEFT + RIGHT) / 2.0 : LEFT + (RIGHT - LEFT) * (m.step() - minStep) / (maxStep - minStep);
            double y = maxValue == minValue ? (TOP + BOTTOM) / 2.0 : BOTTOM - (BOTTOM - TOP) * (m.value() - minValue) / (maxValue - minValue);
            path.append(path.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"%s\"><title>step %d: %s</title></circle>",
                    x, y, color, m.step(), Text.html(Text.number(m.value()))));
        }
        if (path.length() > 0) {
            svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" points=\"").append(path).append("\"/>");
            svg.append(dots);
        }
    }

    private static void label(StringBuilder svg, int x, int y, String anchor, String text) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-family=\"sans-serif\" font-size=\"11\" text-anchor=\"")
                .append(anchor).append("\">").append(Text.html(text)).append("</text>");
    }
}
