package org.shiftscope.stats;

import java.util.Arrays;

/**
 * A bounded series that keeps memory flat however long a run lasts: it keeps every value until it holds
 * {@code capacity}, then drops every second one and from then on keeps only every {@code stride}-th value
 * offered (the stride doubles each time it fills). The newest value offered is always readable via
 * {@link #last()}. FX-thread only.
 *
 * @param <T> element type (immutable records)
 */
public final class Decimated<T> {
    /** kept elements, oldest first */
    private Object[] items;
    /** step of each kept element */
    private long[] steps;
    /** number kept */
    private int size;
    /** keep one of every {@code stride} offered */
    private int stride = 1;
    /** offered since the last kept one */
    private int skipped;
    /** the newest element offered, kept or not */
    private T last;
    /** its step */
    private long lastStep = -1;

    public Decimated(int capacity) {
        if (capacity < 4 || capacity % 2 != 0) throw new IllegalArgumentException("capacity must be even ≥ 4");
        items = new Object[capacity];
        steps = new long[capacity];
    }

    public void add(long step, T item) {
        last = item;
        lastStep = step;
        if (++skipped < stride && size > 0) return;
        skipped = 0;
        if (size == items.length) {
            for (int i = 0; i < size / 2; i++) {
                items[i] = items[2 * i];
                steps[i] = steps[2 * i];
            }
            Arrays.fill(items, size / 2, size, null);
            size /= 2;
            stride *= 2;
        }
        items[size] = item;
        steps[size] = step;
        size++;
    }

    public int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    public T get(int i) {
        return (T) items[i];
    }

    public long step(int i) {
        return steps[i];
    }

    /** newest element offered, or null */
    public T last() {
        return last;
    }

    public long lastStep() {
        return lastStep;
    }

    public boolean isEmpty() {
        return last == null;
    }

    public void clear() {
        Arrays.fill(items, null);
        size = 0;
        stride = 1;
        skipped = 0;
        last = null;
        lastStep = -1;
    }
}
