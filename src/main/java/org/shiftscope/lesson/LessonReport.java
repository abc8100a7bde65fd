package org.shiftscope.lesson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shiftscope.nn.Tap;
import org.shiftscope.stats.Snapshot;
import org.shiftscope.stats.TapStats;

/**
 * Fills a lesson's {@link Lesson#summary() summary} template with the numbers of the run the class just watched.
 *
 * <p>The input is every evaluation checkpoint of the run: each {@link Snapshot} that {@link
 * Snapshot#hasTestAccuracy() carries a test accuracy}, of every run ("main", or "bn" and "plain" in compare mode),
 * in step order. The lessons' scenarios measure statistics at every checkpoint ({@code stats_every} divides
 * {@code eval_every}), so the tap figures below are available there too. The same numbers are in the headless
 * runner's {@code metrics.csv} (test_accuracy, loss) and {@code stats.csv} at the same steps.
 *
 * <h2>Placeholders</h2>
 * {@code RUN} is {@code main}, {@code bn} or {@code plain}; "last checkpoint" is RUN's last checkpoint.
 * <table>
 * <caption>placeholders</caption>
 * <tr><td>{@code {end}}</td><td>step of the last checkpoint (of any run), e.g. "6,000"</td></tr>
 * <tr><td>{@code {first}}</td><td>step of the first checkpoint (of any run)</td></tr>
 * <tr><td>{@code {RUN.acc}}</td><td>test accuracy at the last checkpoint, in whole percent, e.g. "94%"</td></tr>
 * <tr><td>{@code {RUN.best}}</td><td>best test accuracy over all of RUN's checkpoints, e.g. "96%"</td></tr>
 * <tr><td>{@code {RUN.reach:P}}</td><td>a phrase: "reached P% at step S" with S the first checkpoint whose test
 * accuracy is at least P% (compared unrounded: accuracy ≥ P/100), or "had not reached P% by step E" with E the
 * last checkpoint</td></tr>
 * <tr><td>{@code {RUN.loss}}</td><td>the mini-batch loss averaged over the last five checkpoints (all of them if
 * fewer), e.g. "0.31"</td></tr>
 * <tr><td>{@code {RUN.sat:L}}</td><td>saturation of hidden layer L's activation at the last checkpoint, in whole
 * percent</td></tr>
 * <tr><td>{@code {RUN.STAT:L:TAP}}</td><td>STAT = mean, std, p15, p50 or p85 of hidden layer L's tap (a
 * {@link Tap#key() key}: linear, normalized, activation or gradient) at the last checkpoint, e.g. "−2.05"; a tap the
 * run does not have reads its {@link Tap#fallback} where it has one, as the charts do ({@code normalized} on a run
 * without BatchNorm: its linear tap); {@code gradient} reads the raw values of dL/d(W·x+b), as stats.csv holds
 * them</td></tr>
 * </table>
 * Adding {@code @first} to acc, loss, sat or a STAT reads RUN's first checkpoint (first five for loss) instead,
 * e.g. {@code {plain.p50:3:normalized@first}}.
 *
 * <h2>Formats</h2>
 * Steps with a comma every three digits ({@link #steps}); percentages {@code Math.round(100·v)} followed by "%"
 * ({@link #percent}); other numbers ({@link #number}) with two decimals, three when |v| &lt; 0.1 (and not 0),
 * rounded half-up, negative numbers with a minus sign (U+2212); anything that rounds to zero reads "0.00". A value the run does not have (a
 * run or a statistic that was not measured) reads "—".
 */
public final class LessonReport {
    /** a placeholder: {name} or {run.field[:arg[:arg]][@first]} */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
    private static final Pattern FIELD = Pattern.compile(
            "([a-z0-9][a-z0-9-]{0,19})\\.(acc|best|reach|loss|sat|mean|std|p15|p50|p85)((?::[A-Za-z0-9.]+)*)(@first)?");
    /** checkpoints averaged for {RUN.loss} */
    static final int LOSS_CHECKPOINTS = 5;
    /** shown for a value the run does not have */
    public static final String MISSING = "—";

    private LessonReport() {}

    /** The lesson's summary template filled with this run's numbers. */
    public static String summary(Lesson lesson, List<Snapshot> checkpoints) {
        return fill(lesson.summary(), checkpoints);
    }

    /** A summary template filled with the numbers of these checkpoints (see the class comment). */
    public static String fill(String template, List<Snapshot> checkpoints) {
        List<Snapshot> cps = checkpoints.stream().filter(Snapshot::hasTestAccuracy).toList();
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), cps)));
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Checks a template's placeholders without filling them.
     *
     * @throws IllegalArgumentException naming the first placeholder that is not in the vocabulary
     */
    public static void check(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) parse(m.group(1));
        String rest = PLACEHOLDER.matcher(template).replaceAll("");
        if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
            throw new IllegalArgumentException("unbalanced { or } in \"" + template + "\"");
        }
    }

    /** A parsed placeholder. */
    private record Field(String name, String run, String what, String[] args, boolean first) { }

    private static Field parse(String p) {
        if (p.equals("end") || p.equals("first")) return new Field(p, null, p, new String[0], false);
        Matcher f = FIELD.matcher(p);
        if (!f.matches()) throw bad(p, "expected {end}, {first} or {RUN.FIELD...} with RUN a run name (main, bn, plain or a variant name)");
        String what = f.group(2);
        String[] args = f.group(3).isEmpty() ? new String[0] : f.group(3).substring(1).split(":");
        boolean first = f.group(4) != null;
        int want = switch (what) {
            case "acc", "best", "loss" -> 0;
            case "reach", "sat" -> 1;
            default -> 2;
        };
        if (args.length != want) throw bad(p, what + " takes " + want + " argument(s)");
        if (first && (what.equals("best") || what.equals("reach"))) throw bad(p, "@first does not apply to " + what);
        try {
            if (what.equals("reach")) {
                double pct = Double.parseDouble(args[0]);
                if (!(pct > 0 && pct <= 100)) throw bad(p, "the percentage must be in (0, 100]");
            }
            if (want >= 1 && !what.equals("reach") && Integer.parseInt(args[0]) < 1) throw bad(p, "layers start at 1");
        } catch (NumberFormatException e) {
            throw bad(p, "a number was expected");
        }
        if (want == 2) tapOf(p, args[1]);
        return new Field(p, f.group(1), what, args, first);
    }

    private static Tap tapOf(String p, String key) {
        try {
            return Tap.fromKey(key);
        } catch (IllegalArgumentException e) {
            throw bad(p, e.getMessage());
        }
    }

    private static IllegalArgumentException bad(String p, String why) {
        return new IllegalArgumentException("summary placeholder {" + p + "}: " + why);
    }

    private static String value(String p, List<Snapshot> all) {
        Field f = parse(p);
        if (f.run() == null) {
            if (all.isEmpty()) return MISSING;
            return steps(f.what().equals("end") ? all.get(all.size() - 1).step() : all.get(0).step());
        }
        List<Snapshot> cps = new ArrayList<>();
        for (Snapshot s : all) if (s.run().equals(f.run())) cps.add(s);
        if (cps.isEmpty()) return MISSING;
        Snapshot at = f.first() ? cps.get(0) : cps.get(cps.size() - 1);
        switch (f.what()) {
            case "acc":
                return percent(at.testAccuracy());
            case "best": {
                double best = Double.NEGATIVE_INFINITY;
                for (Snapshot s : cps) best = Math.max(best, s.testAccuracy());
                return percent(best);
            }
            case "reach": {
                double target = Double.parseDouble(f.args()[0]);
                String pct = trim(target) + "%";
                for (Snapshot s : cps) {
                    if (s.testAccuracy() >= target / 100) return "reached " + pct + " at step " + steps(s.step());
                }
                return "had not reached " + pct + " by step " + steps(cps.get(cps.size() - 1).step());
            }
            case "loss": {
                int n = Math.min(LOSS_CHECKPOINTS, cps.size());
                List<Snapshot> part = f.first() ? cps.subList(0, n) : cps.subList(cps.size() - n, cps.size());
                double sum = 0;
                for (Snapshot s : part) sum += s.loss();
                return number(sum / n);
            }
            case "sat": {
                TapStats t = at.tap(Integer.parseInt(f.args()[0]), Tap.ACTIVATION);
                return t == null ? MISSING : percent(t.saturation());
            }
            default: {
                int layer = Integer.parseInt(f.args()[0]);
                Tap tap = tapOf(p, f.args()[1]);
                TapStats t = at.tap(layer, tap);
                if (t == null && tap.fallback != null) t = at.tap(layer, tap.fallback);
                if (t == null) return MISSING;
                return number(switch (f.what()) {
                    case "mean" -> t.mean();
                    case "std" -> t.std();
                    case "p15" -> t.p15();
                    case "p50" -> t.p50();
                    default -> t.p85();
                });
            }
        }
    }

    /** e.g. 6000 → "6,000" */
    public static String steps(long step) {
        return String.format(Locale.ROOT, "%,d", step);
    }

    /** e.g. 0.9375 → "94%" (Math.round of 100·v); NaN → "—" */
    public static String percent(double v) {
        if (!Double.isFinite(v)) return MISSING;
        return Math.round(100 * v) + "%";
    }

    /** two decimals (three below 0.1), half-up, with a real minus sign; NaN → "—" */
    public static String number(double v) {
        if (!Double.isFinite(v)) return MISSING;
        int decimals = v != 0 && Math.abs(v) < 0.1 ? 3 : 2;
        BigDecimal d = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP);
        if (d.signum() == 0) return "0.00";
        return d.signum() < 0 ? "\u2212" + d.negate().toPlainString() : d.toPlainString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
