import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import org.shiftscope.data.ArrayDataset;
import org.shiftscope.nn.MatMuls;
import org.shiftscope.train.Session;
import org.shiftscope.train.scenario.Scenario;
import org.shiftscope.train.scenario.ScenarioIO;

/**
 * One engine's session for scripts/ab-bench.sh: the bn-paper network (784-100-100-100-10 sigmoid, batch 60, BN on)
 * on random MNIST-shaped data, bare ("bare") or with every statistic every step ("stats"), or lesson 5 as the window
 * trains it ("lesson5"); with noGradient, an engine that measures the gradient tap leaves it out (the work an engine
 * without it does). "what" may end in "+key=value" parts: scenario keys set after the mode's own (e.g.
 * "bare+lab.every=10"). Compiled against each jar; main prints steps per CPU-second of this thread:
 *   java CpuBench bare|stats|lesson5[+key=value…] SECONDS [noGradient: true|false] [f64|f32]
 */
public class CpuBench {
    public static void main(String[] a) throws Exception {
        double seconds = Double.parseDouble(a[1]);
        Session s = session(a[0], a.length > 2 && a[2].equals("true"), a.length > 3 ? a[3] : "");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        run(s, mx, seconds / 2);
        double[] r = new double[5];
        for (int i = 0; i < r.length; i++) r[i] = run(s, mx, seconds / 5);
        Arrays.sort(r);
        System.out.printf("%.1f%n", r[2]);
    }

    public static Session session(String whatAndSets, boolean noGrad) throws Exception {
        return session(whatAndSets, noGrad, "");
    }

    /** the same, the products in {@code precision} (f64 or f32; empty: the scenario's own) */
    public static Session session(String whatAndSets, boolean noGrad, String precision) throws Exception {
        String[] parts = whatAndSets.split("\\+");
        String what = parts[0];
        Session s;
        if (what.equals("lesson5")) {
            s = Session.create(ScenarioIO.preset("lesson-5-depth"));
        } else {
            Scenario sc = ScenarioIO.preset("bn-paper");
            sc = ScenarioIO.withOverride(sc, "compare", "false");
            sc = ScenarioIO.withOverride(sc, "network.batchnorm", "true");
            sc = ScenarioIO.withOverride(sc, "training.stats_every", what.equals("bare") ? "10000000" : "1");
            sc = ScenarioIO.withOverride(sc, "training.eval_every", "10000000");
            if (!precision.isEmpty()) sc = ScenarioIO.withOverride(sc, "training.precision", precision);
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                sc = ScenarioIO.withOverride(sc, parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
            Random r = new Random(7);
            int n = 6000, d = 784;
            double[] x = new double[n * d];
            int[] y = new int[n];
            for (int i = 0; i < x.length; i++) x[i] = r.nextInt(256) / 255.0;
            for (int i = 0; i < n; i++) y[i] = r.nextInt(10);
            // the scenario's products when a precision is asked for (read by reflection: older engines lack it)
            Object products = precision.isEmpty() ? MatMuls.select("openblas")
                    : sc.training().getClass().getMethod("products").invoke(sc.training());
            s = new Session(sc, ArrayDataset.split("random-images", d, 10, x, y, 0.1),
                    (org.shiftscope.nn.MatMul) products);
        }
        if (noGrad) {
            Class<?> tap = Class.forName("org.shiftscope.nn.Tap");
            Object set = EnumSet.of(Enum.valueOf((Class) tap, "LINEAR"), Enum.valueOf((Class) tap, "NORMALIZED"),
                    Enum.valueOf((Class) tap, "ACTIVATION"));
            Session.class.getMethod("measureOnly", java.util.Set.class).invoke(s, set);
        }
        return s;
    }

    static double run(Session s, ThreadMXBean mx, double seconds) {
        long w0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime(), n = 0;
        do {
            s.step();
            n++;
        } while (System.nanoTime() - w0 < seconds * 1e9);
        return n / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
    }
}
