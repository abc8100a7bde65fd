package org.shiftscope.stats;

/**
 * A sequence model's test accuracy at each sequence length, in inference mode: lengths {@code shortest} …
 * {@code shortest + accuracy.length − 1}. Immutable (the array is copied in and out).
 *
 * @param shortest the first length
 * @param accuracy the share of the test sequences of each length classified correctly
 */
public record LengthAccuracy(int shortest, double[] accuracy) {
    public LengthAccuracy {
        accuracy = accuracy.clone();
    }

    @Override
    public double[] accuracy() {
        return accuracy.clone();
    }

    /** the longest length */
    public int longest() {
        return shortest + accuracy.length - 1;
    }

    /** the accuracy at one length (NaN outside the lengths measured) */
    public double at(int length) {
        int i = length - shortest;
        return i < 0 || i >= accuracy.length ? Double.NaN : accuracy[i];
    }

    /** the mean accuracy over lengths from … to (inclusive), each length weighing the same */
    public double mean(int from, int to) {
        double sum = 0;
        int n = 0;
        for (int l = Math.max(from, shortest); l <= Math.min(to, longest()); l++, n++) sum += at(l);
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LengthAccuracy l && l.shortest == shortest && java.util.Arrays.equals(l.accuracy, accuracy);
    }

    @Override
    public int hashCode() {
        return 31 * shortest + java.util.Arrays.hashCode(accuracy);
    }

    @Override
    public String toString() {
        return "LengthAccuracy[" + shortest + "…" + longest() + ": " + java.util.Arrays.toString(accuracy) + "]";
    }
}
