package dev.atoll.report;

import java.util.Locale;

/** Escaping and number formatting shared by the renderers. */
final class Text {
    private Text() {
    }

    static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A Markdown table cell: GitLab renders inline HTML, so HTML is escaped too; pipes and newlines would break the row. */
    static String cell(String s) {
        if (s == null) {
            return "∅";
        }
        return html(s).replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>")
                .replace("`", "\\`").replace("*", "\\*").replace("_", "\\_");
    }

    static String number(Double v) {
        if (v == null) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString(v.longValue());
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replaceFirst("\\.(e|$)", "$1");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
