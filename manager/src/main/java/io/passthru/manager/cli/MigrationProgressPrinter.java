package io.passthru.manager.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passthru.manager.MigrationListener;
import io.passthru.manager.MigrationProgress;
import io.passthru.manager.Saga;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shows a migration's progress on standard error (standard output keeps the result): a progress bar (MiB processed
 * of the total, remaining MiB, MiB/s) on a terminal, a plain line every {@value #PLAIN_INTERVAL_MS} ms otherwise,
 * and one JSON object per line ({@code {"event":"step"|"progress"|"warning","schemaVersion":1,...}}) with
 * {@code --output json}: share/schemas/passthru-events-1.schema.json describes them ({@link JsonOutput}).
 */
final class MigrationProgressPrinter implements MigrationListener {
    /** Interval of the plain progress lines: 5000 ms. */
    static final long PLAIN_INTERVAL_MS = 5000;
    /** The event printed in place of one Jackson could not write. */
    static final String ERROR_EVENT = "{\"event\":\"error\",\"" + JsonOutput.FIELD + "\":"
            + JsonOutput.SCHEMA_VERSION + "}";

    enum Style { TERMINAL, PLAIN, JSON }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Style style;
    private final PrintStream err;
    private ProgressBar bar;
    private long lastPlain;

    MigrationProgressPrinter(Style style, PrintStream err) {
        this.style = style;
        this.err = err;
    }

    static Style styleFor(boolean json) {
        return json ? Style.JSON : System.console() != null ? Style.TERMINAL : Style.PLAIN;
    }

    @Override
    public synchronized void stepStarted(String id, String title) {
        if (style == Style.JSON) {
            event("step", startedFields(new LinkedHashMap<>(), id, title));
        } else if (style == Style.PLAIN || !"migrate".equals(id)) {
            err.println("passthru: " + title + " ...");
        }
    }

    /** Adds a started step's JSON fields (id, name, status started) to {@code m}. */
    static Map<String, Object> startedFields(Map<String, Object> m, String id, String title) {
        m.put("id", id);
        m.put("name", title);
        m.put("status", "started");
        return m;
    }

    /**
     * Adds a live migration's progress JSON fields (elapsedMs, dataTotal, dataProcessed, dataRemaining, mibPerSecond
     * rounded to 0.1) to {@code m}.
     */
    static Map<String, Object> progressFields(Map<String, Object> m, MigrationProgress p) {
        m.put("elapsedMs", p.elapsedMs());
        m.put("dataTotal", p.dataTotal());
        m.put("dataProcessed", p.dataProcessed());
        m.put("dataRemaining", p.dataRemaining());
        m.put("mibPerSecond", Math.round(p.mibPerSecond() * 10) / 10.0);
        return m;
    }

    /** Adds a finished step's JSON fields (name, status done|failed, startMs, durationMs, outcome) to {@code m}. */
    static Map<String, Object> stepFields(Map<String, Object> m, Saga.Step step) {
        m.put("name", step.name());
        m.put("status", step.succeeded() ? "done" : "failed");
        m.put("startMs", step.startMs());
        m.put("durationMs", step.durationMs());
        m.put("outcome", step.outcome());
        return m;
    }

    @Override
    public synchronized void stepFinished(Saga.Step step) {
        closeBar();
        if (style == Style.JSON) {
            event("step", stepFields(new LinkedHashMap<>(), step));
        } else {
            err.printf("passthru: %s: %s (%d ms)%n", step.name(), step.outcome(), step.durationMs());
        }
    }

    @Override
    public synchronized void warning(String message) {
        closeBar();
        if (style == Style.JSON) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("message", message);
            event("warning", m);
        } else {
            err.printf("passthru: warning: %s%n", message);
        }
    }

    @Override
    public synchronized void progress(MigrationProgress p) {
        if (p.dataTotal() <= 0) {
            return; // the job is still setting up (nothing to show yet)
        }
        long totalMiB = p.dataTotal() >> 20;
        switch (style) {
            case JSON -> event("progress", progressFields(new LinkedHashMap<>(), p));
            case TERMINAL -> {
                if (bar == null) {
                    bar = new ProgressBarBuilder().setTaskName("live migrate").setInitialMax(totalMiB)
                            .setUnit(" MiB", 1).setStyle(ProgressBarStyle.ASCII).showSpeed()
                            .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(500)
                            .build();
                }
                bar.maxHint(Math.max(totalMiB, p.dataProcessed() >> 20));
                bar.stepTo(p.dataProcessed() >> 20);
                bar.setExtraMessage(String.format("%d MiB left, %.1f MiB/s", p.dataRemaining() >> 20,
                        p.mibPerSecond()));
            }
            case PLAIN -> {
                if (lastPlain == 0 || p.elapsedMs() - lastPlain >= PLAIN_INTERVAL_MS) {
                    lastPlain = Math.max(1, p.elapsedMs());
                    err.printf("passthru: live migrate %3d%%: %d of %d MiB processed, %d MiB remaining, %.1f MiB/s, "
                                    + "%.1f s%n", p.percent(), p.dataProcessed() >> 20, totalMiB,
                            p.dataRemaining() >> 20, p.mibPerSecond(), p.elapsedMs() / 1000.0);
                }
            }
            default -> throw new IllegalStateException(style.toString());
        }
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private void event(String kind, Map<String, Object> fields) {
        err.println(eventLine(kind, null, fields));
    }

    /**
     * One event as a line of JSON: {@code event}, {@code schemaVersion} ({@link JsonOutput#SCHEMA_VERSION}), then
     * {@code domain} when not null (evacuate names the guest), then {@code fields}. When Jackson cannot write it:
     * {@link #ERROR_EVENT}.
     */
    static String eventLine(String kind, String domain, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", kind);
        m.put(JsonOutput.FIELD, JsonOutput.SCHEMA_VERSION);
        if (domain != null) {
            m.put("domain", domain);
        }
        m.putAll(fields);
        try {
            return JSON.writeValueAsString(m);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ERROR_EVENT;
        }
    }
}
