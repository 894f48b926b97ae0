package dev.atoll.diff.run;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether a larger or a smaller metric value is better. */
public enum MetricGoal {
    MAXIMIZE, MINIMIZE;

    private static final Pattern LOWER_IS_BETTER = Pattern.compile(
            "(^|[_./-])(loss|error|err|rmse|mse|mae|mape|perplexity|latency|time|duration|wer|cer)($|[_./-])|loss|error");
    private static final Pattern HIGHER_IS_BETTER = Pattern.compile(
            "(^|[_./-])(acc|accuracy|f1|auc|roc_auc|precision|recall|r2|bleu|rouge\\w*|map|ndcg|iou|dice|throughput)($|[_./-])|accuracy");

    /**
     * The goal implied by a metric's name (e.g. {@code val_loss} minimise, {@code test/accuracy}
     * maximise), or null when the name says nothing; an explicit goal always wins.
     */
    public static MetricGoal guess(String metric) {
        String name = metric.toLowerCase(Locale.ROOT);
        if (LOWER_IS_BETTER.matcher(name).find()) {
            return MINIMIZE;
        }
        if (HIGHER_IS_BETTER.matcher(name).find()) {
            return MAXIMIZE;
        }
        return null;
    }
}
