package org.shiftscope.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.ejml.data.DMatrixRMaj;

/**
 * MNIST-format (IDX) images and labels: {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte} in one folder, each optionally {@code .gz}.
 * Pixels stay bytes in memory and become doubles in [0, 1] as a batch is copied out.
 */
public final class IdxDataset implements Dataset {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    public static final String[] FILES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte",
        "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    /** data set name */
    private final String name;
    /** pixels per image */
    private final int inputs;
    /** number of classes (largest label + 1) */
    private final int classes;
    /** training pixels, image-major */
    private final byte[] trainX;
    /** training labels */
    private final byte[] trainY;
    /** test pixels, image-major */
    private final byte[] testX;
    /** test labels */
    private final byte[] testY;
    /** training images in use (≤ the file's count) */
    private final int trainN;
    /** lookup: byte value (as unsigned) → pixel in [0, 1] */
    private static final double[] PIXEL = new double[256];

    static {
        for (int i = 0; i < 256; i++) PIXEL[i] = i / 255.0;
    }

    /**
     * Loads the four files from {@code folder}.
     *
     * @param maxTrain cap on the training images used; 0 = all
     */
    public static IdxDataset load(String name, Path folder, int maxTrain) {
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder + ": no such folder; expected a folder holding "
                    + String.join(", ", FILES) + " (each optionally .gz).");
        }
        Images train = readImages(find(folder, FILES[0]));
        byte[] trainLabels = readLabels(find(folder, FILES[1]));
        Images test = readImages(find(folder, FILES[2]));
        byte[] testLabels = readLabels(find(folder, FILES[3]));
        checkCount(find(folder, FILES[0]), train.count, find(folder, FILES[1]), trainLabels.length);
        checkCount(find(folder, FILES[2]), test.count, find(folder, FILES[3]), testLabels.length);
        if (train.pixels != test.pixels) {
            throw new DatasetException(find(folder, FILES[2]) + ": images are " + test.rows + "×" + test.cols
                    + " but the training images are " + train.rows + "×" + train.cols + ".");
        }
        int max = 0;
        for (byte b : trainLabels) max = Math.max(max, b & 0xff);
        for (byte b : testLabels) max = Math.max(max, b & 0xff);
        if (max > 99) {
            throw new DatasetException(find(folder, FILES[1]) + ": label " + max + " is out of range (0..99).");
        }
        int n = maxTrain > 0 ? Math.min(maxTrain, train.count) : train.count;
        return new IdxDataset(name, train.pixels, max + 1, train.data, trainLabels, test.data, testLabels, n);
    }

    private IdxDataset(String name, int inputs, int classes, byte[] trainX, byte[] trainY, byte[] testX,
                       byte[] testY, int trainN) {
        this.name = name;
        this.inputs = inputs;
        this.classes = classes;
        this.trainX = trainX;
        this.trainY = trainY;
        this.testX = testX;
        this.testY = testY;
        this.trainN = trainN;
    }

    private static void checkCount(Path images, int ni, Path labels, int nl) {
        if (ni != nl) {
            throw new DatasetException(images.getFileName() + " holds " + ni + " images but " + labels.getFileName()
                    + " holds " + nl + " labels; they must match (" + images.getParent() + ").");
        }
    }

    /** the file itself if present, else with .gz; error naming both when neither exists */
    static Path find(Path folder, String base) {
        Path raw = folder.resolve(base), gz = folder.resolve(base + ".gz");
        if (Files.isRegularFile(raw)) return raw;
        if (Files.isRegularFile(gz)) return gz;
        throw new DatasetException(folder + ": missing " + base + " (looked for " + raw.getFileName() + " and "
                + gz.getFileName() + ").");
    }

    private record Images(int count, int rows, int cols, int pixels, byte[] data) { }

    /** bytes of an IDX images header (magic, count, rows, columns) and of a labels header (magic, count) */
    private static final int IMAGES_HEADER = 16, LABELS_HEADER = 8;

    private static InputStream open(Path p) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        if (gzip(p)) {
            try {
                return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            } catch (ZipException e) {
                in.close();
                throw new DatasetException(p + ": named .gz but is not gzip data (" + e.getMessage() + ").");
            }
        }
        return in;
    }

    private static boolean gzip(Path p) {
        return p.getFileName().toString().endsWith(".gz");
    }

    private static Images readImages(Path p) {
        try (DataInputStream in = new DataInputStream(open(p))) {
            int magic = header(in, p, "the magic number");
            if (magic != IMAGES_MAGIC) {
                throw new DatasetException(p + ": wrong magic number: expected 0x00000803 (IDX images), found 0x"
                        + String.format("%08x", magic) + ".");
            }
            int n = header(in, p, "the image count"), rows = header(in, p, "the row count");
            int cols = header(in, p, "the column count");
            if (n < 0 || rows <= 0 || cols <= 0 || (long) n * rows * cols > Integer.MAX_VALUE - 8) {
                throw new DatasetException(p + ": impossible dimensions " + n + "×" + rows + "×" + cols + ".");
            }
            int size = n * rows * cols;
            byte[] data = body(in, p, IMAGES_HEADER, size, "the pixels");
            if (data.length < size) {
                throw new DatasetException(p + ": truncated: expected " + size + " bytes of pixel data ("
                        + n + " images of " + rows + "×" + cols + "), found " + data.length + ".");
            }
            return new Images(n, rows, cols, rows * cols, data);
        } catch (IOException e) {
            throw unreadable(p, e);
        }
    }

    private static byte[] readLabels(Path p) {
        try (DataInputStream in = new DataInputStream(open(p))) {
            int magic = header(in, p, "the magic number");
            if (magic != LABELS_MAGIC) {
                throw new DatasetException(p + ": wrong magic number: expected 0x00000801 (IDX labels), found 0x"
                        + String.format("%08x", magic) + ".");
            }
            int n = header(in, p, "the label count");
            if (n < 0 || n > Integer.MAX_VALUE - 8) {
                throw new DatasetException(p + ": impossible label count " + n + ".");
            }
            byte[] data = body(in, p, LABELS_HEADER, n, "the labels");
            if (data.length < n) {
                throw new DatasetException(p + ": truncated: expected " + n + " labels, found " + data.length + ".");
            }
            return data;
        } catch (IOException e) {
            throw unreadable(p, e);
        }
    }

    /**
     * The {@code n} bytes after the header, or fewer when the file holds fewer: memory is taken as the bytes
     * arrive (an uncompressed file's size is checked first), never on a header's word alone. A gzip file is then
     * read to its end, so that its checksum is checked.
     */
    private static byte[] body(InputStream in, Path p, int header, int n, String what) throws IOException {
        long present = gzip(p) ? 1 << 20 : Math.max(0, Files.size(p) - header);
        byte[] buf = resized(p, new byte[0], Math.min(n, present), n, what);
        int got = 0;
        while (got < n) {
            if (got == buf.length) buf = resized(p, buf, Math.min(n, Math.max(1 << 16, 2L * buf.length)), n, what);
            int r = in.read(buf, got, buf.length - got);
            if (r < 0) break;
            got += r;
        }
        if (gzip(p)) in.transferTo(OutputStream.nullOutputStream()); // to the end: the checksum is checked there
        return got == buf.length ? buf : Arrays.copyOf(buf, got);
    }

    /** {@code buf} in an array of {@code size} bytes; a refusal naming the file when memory runs out */
    private static byte[] resized(Path p, byte[] buf, long size, int n, String what) {
        try {
            return Arrays.copyOf(buf, (int) size);
        } catch (OutOfMemoryError e) {
            throw new DatasetException(p + ": " + what + " (" + n + " bytes) need more memory than Java may use "
                    + "here; give it more with -Xmx, or use fewer images.");
        }
    }

    /** a read failure as a refusal naming the file: a corrupt or cut-off gzip stream, or any other */
    private static DatasetException unreadable(Path p, IOException e) {
        if (e instanceof ZipException) {
            return new DatasetException(p + ": corrupt gzip data (" + e.getMessage() + "); the file is damaged.");
        }
        if (e instanceof EOFException) {
            return new DatasetException(p + ": truncated: the gzip data end early (" + e.getMessage() + ").");
        }
        return new DatasetException(p + ": cannot be read (" + e.getMessage() + ").");
    }

    private static int header(DataInputStream in, Path p, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new DatasetException(p + ": truncated: the file ends before " + what + " in its header.");
        }
    }

    @Override public String name() { return name; }
    @Override public int inputs() { return inputs; }
    @Override public int classes() { return classes; }
    @Override public int trainSize() { return trainN; }
    @Override public int testSize() { return testY.length; }

    @Override
    public void trainBatch(int[] idx, int n, DMatrixRMaj x, int[] y) {
        x.reshape(n, inputs);
        final double[] xd = x.data;
        for (int i = 0; i < n; i++) {
            int src = idx[i] * inputs, dst = i * inputs;
            for (int j = 0; j < inputs; j++) xd[dst + j] = PIXEL[trainX[src + j] & 0xff];
            y[i] = trainY[idx[i]] & 0xff;
        }
    }

    @Override
    public void testBatch(int from, int n, DMatrixRMaj x, int[] y) {
        x.reshape(n, inputs);
        final double[] xd = x.data;
        for (int i = 0; i < n; i++) {
            int src = (from + i) * inputs, dst = i * inputs;
            for (int j = 0; j < inputs; j++) xd[dst + j] = PIXEL[testX[src + j] & 0xff];
            y[i] = testY[from + i] & 0xff;
        }
    }

    @Override
    public double trainFeature(int i, int j) {
        return PIXEL[trainX[i * inputs + j] & 0xff];
    }

    @Override
    public int trainLabel(int i) {
        return trainY[i] & 0xff;
    }
}
