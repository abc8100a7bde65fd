package org.shiftscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX loader on tiny files the test writes itself (raw and .gz), and every error case. */
class IdxDatasetTest {
    @TempDir
    Path dir;

    static byte[] images(int magic, int n, int rows, int cols, int pixelBytes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeInt(magic);
        d.writeInt(n);
        d.writeInt(rows);
        d.writeInt(cols);
        for (int i = 0; i < pixelBytes; i++) d.writeByte((i * 37) % 256);
        return b.toByteArray();
    }

    static byte[] labels(int magic, int... ys) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeInt(magic);
        d.writeInt(ys.length);
        for (int y : ys) d.writeByte(y);
        return b.toByteArray();
    }

    void write(String name, byte[] data, boolean gz) throws IOException {
        Path p = dir.resolve(gz ? name + ".gz" : name);
        try (OutputStream o = gz ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            o.write(data);
        }
    }

    void writeAll(boolean gz) throws IOException {
        write("train-images-idx3-ubyte", images(0x803, 3, 2, 2, 12), gz);
        write("train-labels-idx1-ubyte", labels(0x801, 0, 2, 1), gz);
        write("t10k-images-idx3-ubyte", images(0x803, 2, 2, 2, 8), gz);
        write("t10k-labels-idx1-ubyte", labels(0x801, 1, 2), gz);
    }

    @Test
    void loadsRawAndGzipWithPixelsScaledToUnitRange() throws IOException {
        for (boolean gz : new boolean[] {false, true}) {
            Path sub = Files.createDirectories(dir.resolve(gz ? "gz" : "raw"));
            Path keep = dir;
            dir = sub;
            writeAll(gz);
            dir = keep;
            IdxDataset d = IdxDataset.load("idx", sub, 0);
            assertEquals(4, d.inputs());
            assertEquals(3, d.classes());
            assertEquals(3, d.trainSize());
            assertEquals(2, d.testSize());
            DMatrixRMaj x = new DMatrixRMaj(1, 1);
            int[] y = new int[3];
            d.trainBatch(new int[] {2, 0}, 2, x, y);
            assertEquals(2, x.numRows);
            assertEquals(((8 * 37) % 256) / 255.0, x.get(0, 0), 1e-15); // image 2 starts at byte 8
            assertEquals(0.0, x.get(1, 0));
            assertEquals(37 / 255.0, x.get(1, 1), 1e-15);
            assertEquals(1, y[0]);
            assertEquals(0, y[1]);
            d.testBatch(1, 1, x, y);
            assertEquals(2, y[0]);
            assertEquals(1, IdxDataset.load("idx", sub, 1).trainSize(), "samples caps the training set");
        }
    }

    DatasetException failure() {
        return assertThrows(DatasetException.class, () -> IdxDataset.load("idx", dir, 0));
    }

    @Test
    void missingFolderAndFile() throws IOException {
        DatasetException e = assertThrows(DatasetException.class,
                () -> IdxDataset.load("idx", dir.resolve("nope"), 0));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("no such folder"), e.getMessage());
        writeAll(false);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        e = failure();
        assertTrue(e.getMessage().contains("missing t10k-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void truncatedWrongMagicMismatchNotGzip() throws IOException {
        writeAll(false);
        write("train-images-idx3-ubyte", images(0x803, 3, 2, 2, 10), false);
        DatasetException e = failure();
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte") && e.getMessage().contains("truncated")
                && e.getMessage().contains("expected 12 bytes") && e.getMessage().contains("found 10"), e.getMessage());

        writeAll(false);
        write("t10k-labels-idx1-ubyte", labels(0x803, 1, 2), false);
        e = failure();
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte") && e.getMessage().contains("wrong magic")
                && e.getMessage().contains("0x00000801") && e.getMessage().contains("0x00000803"), e.getMessage());

        writeAll(false);
        write("train-labels-idx1-ubyte", labels(0x801, 0, 1), false);
        e = failure();
        assertTrue(e.getMessage().contains("3 images") && e.getMessage().contains("2 labels")
                && e.getMessage().contains("train-labels-idx1-ubyte"), e.getMessage());

        writeAll(false);
        Files.delete(dir.resolve("train-images-idx3-ubyte"));
        Files.writeString(dir.resolve("train-images-idx3-ubyte.gz"), "plain text, not gzip");
        e = failure();
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz") && e.getMessage().contains("not gzip"),
                e.getMessage());

        writeAll(false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8});
        e = failure();
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte") && e.getMessage().contains("truncated"),
                e.getMessage());
    }

    @Test
    void fashionMnistFromDebianWhenInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Datasets.FASHION_MNIST_DEBIAN),
                "dataset-fashion-mnist is not installed");
        Dataset d = Datasets.load("fashion-mnist", "", 0, 0, 0.2, 1);
        assertEquals(784, d.inputs());
        assertEquals(10, d.classes());
        assertEquals(60000, d.trainSize());
        assertEquals(10000, d.testSize());
    }

    /** pixel byte i of the files written by {@link #images}, as the loader scales it */
    static double pixel(int i) {
        return ((i * 37) % 256) / 255.0;
    }

    @Test
    void everyAccessorReadsTheRightImageAndLabel() throws IOException {
        write("train-images-idx3-ubyte", images(0x803, 3, 2, 2, 12), false);
        write("train-labels-idx1-ubyte", labels(0x801, 0, 2, 1), false);
        write("t10k-images-idx3-ubyte", images(0x803, 3, 2, 2, 12), false);
        write("t10k-labels-idx1-ubyte", labels(0x801, 1, 2, 0), false);
        IdxDataset d = IdxDataset.load("my-set", dir, 0);
        assertEquals("my-set", d.name());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) assertEquals(pixel(4 * i + j), d.trainFeature(i, j), 1e-15, i + "," + j);
        }
        assertEquals(0, d.trainLabel(0));
        assertEquals(2, d.trainLabel(1));
        assertEquals(1, d.trainLabel(2));
        // a byte ≥ 128 is an unsigned pixel: byte 4 is 4·37 = 148
        assertEquals(148 / 255.0, d.trainFeature(1, 0), 1e-15);
        DMatrixRMaj x = new DMatrixRMaj(7, 7);
        int[] y = new int[3];
        d.testBatch(1, 2, x, y);
        assertEquals(2, x.numRows);
        assertEquals(4, x.numCols);
        for (int r = 0; r < 2; r++) {
            for (int j = 0; j < 4; j++) assertEquals(pixel(4 * (r + 1) + j), x.get(r, j), 1e-15, "test row " + r);
        }
        assertEquals(2, y[0]);
        assertEquals(0, y[1]);
        d.testBatch(0, 3, x, y);
        assertEquals(3, x.numRows);
        assertEquals(pixel(0), x.get(0, 0), 1e-15);
        assertEquals(pixel(11), x.get(2, 3), 1e-15);
        assertEquals(1, y[0]);
    }

    @Test
    void labelsUpTo99AreClassesBeyondAreRefused() throws IOException {
        writeAll(false);
        write("train-labels-idx1-ubyte", labels(0x801, 0, 99, 1), false);
        assertEquals(100, IdxDataset.load("idx", dir, 0).classes());
        write("train-labels-idx1-ubyte", labels(0x801, 0, 100, 1), false);
        DatasetException e = failure();
        assertTrue(e.getMessage().contains("label 100") && e.getMessage().contains("0..99"), e.getMessage());
        write("train-labels-idx1-ubyte", labels(0x801, 0, 2, 1), false);
        write("t10k-labels-idx1-ubyte", labels(0x801, 200, 2), false);
        e = failure();
        assertTrue(e.getMessage().contains("label 200"), "test labels count too: " + e.getMessage());
    }

    @Test
    void anEmptyTestSetLoads() throws IOException {
        writeAll(false);
        write("t10k-images-idx3-ubyte", images(0x803, 0, 2, 2, 0), false);
        write("t10k-labels-idx1-ubyte", labels(0x801), false);
        IdxDataset d = IdxDataset.load("idx", dir, 0);
        assertEquals(0, d.testSize());
        assertEquals(3, d.trainSize());
    }

    @Test
    void impossibleDimensionsAreRefusedBeforeAnythingIsAllocated() throws IOException {
        int[][] dims = {{-1, 2, 2}, {3, 0, 2}, {3, 2, 0}, {3, -2, -2},
            {1 << 16, 1 << 8, 1 << 9}}; // 2³³ bytes: more than an array holds
        for (int[] nrc : dims) {
            writeAll(false);
            write("train-images-idx3-ubyte", images(0x803, nrc[0], nrc[1], nrc[2], 12), false);
            DatasetException e = failure();
            assertTrue(e.getMessage().contains("impossible dimensions " + nrc[0] + "×" + nrc[1] + "×" + nrc[2]),
                    e.getMessage());
        }
        writeAll(false);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, (byte) 0xff, (byte) 0xff,
            (byte) 0xff, (byte) 0xfe});
        DatasetException e = failure();
        assertTrue(e.getMessage().contains("impossible label count -2"), e.getMessage());
    }

    @Test
    void testImagesAndLabelsMustMatchInCountAndSize() throws IOException {
        writeAll(false);
        write("t10k-labels-idx1-ubyte", labels(0x801, 1, 2, 0), false);
        DatasetException e = failure();
        assertTrue(e.getMessage().contains("2 images") && e.getMessage().contains("3 labels")
                && e.getMessage().contains("t10k-labels-idx1-ubyte"), e.getMessage());
        writeAll(false);
        write("t10k-images-idx3-ubyte", images(0x803, 2, 3, 2, 12), false);
        e = failure();
        assertTrue(e.getMessage().contains("3×2") && e.getMessage().contains("2×2"), e.getMessage());
    }

    /** a labels file's header alone, claiming {@code n} labels */
    static byte[] labelsHeader(int n) {
        return java.nio.ByteBuffer.allocate(8).putInt(0x801).putInt(n).array();
    }

    /** the refusal of the folder, which must come within a second of this thread's CPU and 8 MB of memory */
    String quickRefusal() {
        DatasetException[] e = new DatasetException[1];
        org.shiftscope.ThreadCost cost = org.shiftscope.ThreadCost.of(() -> e[0] = failure());
        assertTrue(cost.cpuNanos() < 1_000_000_000L && cost.allocatedBytes() < 8_000_000L,
                cost + " for: " + e[0].getMessage());
        return e[0].getMessage();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "gzip {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void headersClaimingFarMoreThanTheFileHoldsAreRefusedAtOnceWithLittleMemory(boolean gz) throws IOException {
        String labels = "train-labels-idx1-ubyte" + (gz ? ".gz" : "");
        String images = "train-images-idx3-ubyte" + (gz ? ".gz" : "");
        // labels claiming 2³¹−2 entries in an 8-byte file: more than an array can hold
        writeAll(gz);
        write("train-labels-idx1-ubyte", labelsHeader(Integer.MAX_VALUE - 1), gz);
        String m = quickRefusal();
        assertTrue(m.contains(labels) && m.contains("impossible label count 2147483646"), m);
        // 2³¹−9 labels: an array could hold them, the file holds none
        write("train-labels-idx1-ubyte", labelsHeader(Integer.MAX_VALUE - 8), gz);
        m = quickRefusal();
        assertTrue(m.contains(labels) && m.contains("truncated: expected 2147483639 labels, found 0"), m);
        // 2³¹−9 images of 1×1, and 2,739,000 of 28×28 (2.1 GB), in a 16-byte file
        writeAll(gz);
        for (int[] nrc : new int[][] {{Integer.MAX_VALUE - 8, 1, 1}, {2_739_000, 28, 28}}) {
            write("train-images-idx3-ubyte", images(0x803, nrc[0], nrc[1], nrc[2], 0), gz);
            m = quickRefusal();
            assertTrue(m.contains(images) && m.contains("truncated: expected " + nrc[0] * nrc[1] * nrc[2]
                    + " bytes of pixel data") && m.contains("found 0"), m);
        }
    }

    @Test
    void aCorruptOrCutOffGzipFileIsRefusedNotTrainedOn() throws IOException {
        writeAll(true);
        Path gz = dir.resolve("train-images-idx3-ubyte.gz");
        byte[] good = Files.readAllBytes(gz);
        byte[] badCrc = good.clone();
        badCrc[badCrc.length - 8] ^= 1; // the trailer's checksum of the uncompressed bytes
        Files.write(gz, badCrc);
        String m = quickRefusal();
        assertTrue(m.contains("train-images-idx3-ubyte.gz") && m.contains("corrupt gzip data"), m);
        Files.write(gz, java.util.Arrays.copyOf(good, good.length - 9)); // cut in its last block
        m = quickRefusal();
        assertTrue(m.contains("train-images-idx3-ubyte.gz") && m.contains("truncated"), m);
        Files.write(gz, good);
        assertEquals(3, IdxDataset.load("idx", dir, 0).trainSize(), "the file as written loads");
    }
}
