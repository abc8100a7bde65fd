package org.shiftscope.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Makes a data set from a scenario's dataset settings. */
public final class Datasets {
    /** where Debian's dataset-fashion-mnist package puts its files */
    public static final Path FASHION_MNIST_DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    private Datasets() {}

    /** every data set's key, in {@link DatasetKind} order */
    public static List<String> names() {
        return java.util.Arrays.stream(DatasetKind.values()).map(DatasetKind::key).toList();
    }

    /** whether the set is 2-D (a decision boundary can be drawn) */
    public static boolean isPlanar(String name) {
        DatasetKind k = DatasetKind.of(name);
        return k != null && k.planar;
    }

    /** Loads a data set by its key (see {@link DatasetKind}); a sequence set with the default lengths. */
    public static Dataset load(String name, String path, double noise, int samples, double testFraction, long seed) {
        DatasetKind kind = DatasetKind.of(name);
        if (kind == null) {
            throw new DatasetException("unknown data set '" + name + "'; expected one of "
                    + String.join(", ", names()) + ".");
        }
        return load(kind, path, noise, samples, testFraction, seed);
    }

    /**
     * @param path    IDX folder (idx; optional for mnist and fashion-mnist)
     * @param samples synthetic sample count, or a cap on IDX training images (0 = all)
     */
    public static Dataset load(DatasetKind kind, String path, double noise, int samples, double testFraction,
                               long seed) {
        return load(kind, path, noise, samples, testFraction, seed, SequenceLengths.DEFAULT);
    }

    /**
     * @param path    IDX folder (idx; optional for mnist and fashion-mnist)
     * @param samples synthetic sample count, or a cap on IDX training images (0 = all)
     * @param lengths the sequences' lengths (sequence sets only)
     */
    public static Dataset load(DatasetKind kind, String path, double noise, int samples, double testFraction,
                               long seed, SequenceLengths lengths) {
        int n = samples > 0 ? samples : 1000;
        boolean noPath = path == null || path.isBlank();
        return switch (kind) {
            case SPIRAL -> Synthetic.spiral(n, noise, seed, testFraction);
            case CIRCLES -> Synthetic.circles(n, noise, seed, testFraction);
            case XOR -> Synthetic.xor(n, noise, seed, testFraction);
            case GAUSSIANS -> Synthetic.gaussians(n, noise, seed, testFraction);
            case TEACHER -> Synthetic.teacher(n, noise, seed, testFraction);
            case IDX -> IdxDataset.load(kind.key(), Path.of(path), samples);
            case FASHION_MNIST -> IdxDataset.load(kind.key(), noPath ? fashionFolder() : Path.of(path), samples);
            case MNIST -> IdxDataset.load(kind.key(), noPath ? mnistFolder() : Path.of(path), samples);
            case MORE_ONES, ADDING -> SequenceDataset.generate(kind, n, testFraction, lengths.min(), lengths.max(),
                    lengths.testMin(), lengths.testMax(), seed);
        };
    }

    private static Path fashionFolder() {
        if (!Files.isDirectory(FASHION_MNIST_DEBIAN)) {
            throw new DatasetException(FASHION_MNIST_DEBIAN + " not found: Fashion-MNIST comes from Debian's "
                    + "dataset-fashion-mnist package (apt-get install dataset-fashion-mnist), or set dataset.path to "
                    + "a folder of IDX files.");
        }
        return FASHION_MNIST_DEBIAN;
    }

    private static Path mnistFolder() {
        String home = System.getProperty("user.home");
        List<Path> places = new ArrayList<>(List.of(Path.of(home, ".keras", "datasets", "mnist"),
                Path.of(home, "data", "mnist"), Path.of("/usr/share/datasets/mnist"), Path.of("data", "mnist")));
        for (Path p : places) {
            if (Files.isDirectory(p)) return p;
        }
        throw new DatasetException("MNIST not found; looked in " + places + ". Set dataset.path to a folder of "
                + "IDX files (train-images-idx3-ubyte etc., optionally .gz).");
    }
}
