package org.shiftscope.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Makes a data set from a scenario's dataset settings. */
public final class Datasets {
    /** where Debian's dataset-fashion-mnist package puts its files */
    public static final Path FASHION_MNIST_DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    private static final List<String> NAMES =
            List.of("spiral", "circles", "xor", "gaussians", "teacher", "idx", "fashion-mnist", "mnist");

    private Datasets() {}

    public static List<String> names() {
        return NAMES;
    }

    /** whether the set is 2-D (a decision boundary can be drawn) */
    public static boolean isPlanar(String name) {
        return switch (name) {
            case "spiral", "circles", "xor", "gaussians" -> true;
            default -> false;
        };
    }

    /**
     * @param path    IDX folder (idx; optional for mnist and fashion-mnist)
     * @param samples synthetic sample count, or a cap on IDX training images (0 = all)
     */
    public static Dataset load(String name, String path, double noise, int samples, double testFraction, long seed) {
        int n = samples > 0 ? samples : 1000;
        return switch (name) {
            case "spiral" -> Synthetic.spiral(n, noise, seed, testFraction);
            case "circles" -> Synthetic.circles(n, noise, seed, testFraction);
            case "xor" -> Synthetic.xor(n, noise, seed, testFraction);
            case "gaussians" -> Synthetic.gaussians(n, noise, seed, testFraction);
            case "teacher" -> Synthetic.teacher(n, noise, seed, testFraction);
            case "idx" -> IdxDataset.load("idx", Path.of(path), samples);
            case "fashion-mnist" -> IdxDataset.load("fashion-mnist",
                    path == null || path.isBlank() ? fashionFolder() : Path.of(path), samples);
            case "mnist" -> IdxDataset.load("mnist",
                    path == null || path.isBlank() ? mnistFolder() : Path.of(path), samples);
            default -> throw new DatasetException("unknown data set '" + name + "'; expected one of "
                    + String.join(", ", NAMES) + ".");
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
