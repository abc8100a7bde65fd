import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Two engines in one JVM, each in its own class loader, stepped in alternating windows of the same thread: steps
 * per CPU-second for each and the ratio new/old per pair, so the machine's drift and load fall on both alike.
 * args: oldJar newJar oldHarnessDir newHarnessDir what seconds pairs [all]; "all": the new engine measures every
 * tap, also those the old one did not have. The environment's AB_NEW_SET (key=value[+key=value…]) sets scenario keys
 * of the new side only, e.g. the same jar twice with AB_NEW_SET=lab.every=10 times the ICS lab's cost.
 */
public class AbBench {
    public static void main(String[] a) throws Exception {
        Object[] s = new Object[2];
        Method[] step = new Method[2];
        for (int k = 0; k < 2; k++) {
            URLClassLoader cl = new URLClassLoader(new URL[] {Path.of(a[k]).toUri().toURL(), Path.of(a[2 + k]).toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            Class<?> c = cl.loadClass("CpuBench");
            String newSet = System.getenv("AB_NEW_SET"), what = k == 1 && newSet != null && !newSet.isEmpty()
                    ? a[4] + "+" + newSet : a[4];
            s[k] = c.getMethod("session", String.class, boolean.class).invoke(null, what, k == 1 && !(a.length > 7 && a[7].equals("all")));
            step[k] = s[k].getClass().getMethod("step");
        }
        double seconds = Double.parseDouble(a[5]);
        int pairs = Integer.parseInt(a[6]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int k = 0; k < 2; k++) run(s[k], step[k], mx, 3); // warm-up
        List<Double> ratios = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            double r0 = run(s[0], step[0], mx, seconds), r1 = run(s[1], step[1], mx, seconds);
            ratios.add(r1 / r0);
            System.out.printf("old %.1f new %.1f ratio %.3f%n", r0, r1, r1 / r0);
        }
        double[] r = ratios.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(r);
        System.out.printf("median ratio %.3f (min %.3f, max %.3f)%n", r[r.length / 2], r[0], r[r.length - 1]);
    }

    static double run(Object s, Method step, ThreadMXBean mx, double seconds) throws Exception {
        long w0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime(), n = 0;
        do {
            step.invoke(s);
            n++;
        } while (System.nanoTime() - w0 < seconds * 1e9);
        return n / ((mx.getCurrentThreadCpuTime() - c0) / 1e9);
    }
}
