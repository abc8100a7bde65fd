package org.shiftscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each epoch is a Fisher–Yates shuffle of the previous one from the seeded generator. */
class BatchSamplerTest {

    @Test
    void epochsAreTheSeededShufflesThatCollectionsShuffleMakes() {
        for (int size : new int[] {1, 2, 7, 50}) {
            BatchSampler s = new BatchSampler(size, 42);
            // Collections.shuffle is the same Fisher–Yates (from the end, j = nextInt(i + 1))
            Random r = new Random(42);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < size; i++) order.add(i);
            for (int epoch = 0; epoch < 4; epoch++) {
                Collections.shuffle(order, r);
                int[] expected = order.stream().mapToInt(Integer::intValue).toArray();
                int[] got = new int[size];
                s.next(got, size);
                assertArrayEquals(expected, got, "size " + size + " epoch " + epoch);
            }
        }
    }

    @Test
    void batchesRunAcrossEpochBoundaries() {
        BatchSampler s = new BatchSampler(5, 9);
        Random r = new Random(9);
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4));
        List<Integer> expected = new ArrayList<>();
        for (int epoch = 0; epoch < 3; epoch++) {
            Collections.shuffle(order, r);
            expected.addAll(order);
        }
        int[] batch = new int[4];
        List<Integer> got = new ArrayList<>();
        for (int b = 0; b < 3; b++) { // 4 + 4 + 4 indices: epoch 1, then into epochs 2 and 3
            s.next(batch, 4);
            for (int i : batch) got.add(i);
        }
        s.next(batch, 3);
        for (int i = 0; i < 3; i++) got.add(batch[i]);
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(),
                got.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void anEmptyTrainingSetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BatchSampler(-3, 1));
    }
}
