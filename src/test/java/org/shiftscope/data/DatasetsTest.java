package org.shiftscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-set factory: names, which sets are 2-D, default sizes, and where the IDX sets are looked for. */
class DatasetsTest {
    @TempDir
    Path dir;

    /** writes a tiny valid IDX set (3 training images of 2×2, 2 test images) into a folder */
    static Path idxFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        write(folder, "train-images-idx3-ubyte", IdxDatasetTest.images(0x803, 3, 2, 2, 12));
        write(folder, "train-labels-idx1-ubyte", IdxDatasetTest.labels(0x801, 0, 2, 1));
        write(folder, "t10k-images-idx3-ubyte", IdxDatasetTest.images(0x803, 2, 2, 2, 8));
        write(folder, "t10k-labels-idx1-ubyte", IdxDatasetTest.labels(0x801, 1, 2));
        return folder;
    }

    static void write(Path folder, String name, byte[] data) throws IOException {
        try (OutputStream o = Files.newOutputStream(folder.resolve(name))) {
            o.write(data);
        }
    }

    @Test
    void namesAndWhichAreTwoDimensional() {
        assertEquals(List.of("spiral", "circles", "xor", "gaussians", "teacher", "idx", "fashion-mnist", "mnist",
                "more-ones", "adding"),
                Datasets.names());
        for (String name : Datasets.names()) {
            boolean planar = List.of("spiral", "circles", "xor", "gaussians").contains(name);
            assertEquals(planar, Datasets.isPlanar(name), name);
        }
        assertFalse(Datasets.isPlanar("moons"));
    }

    @Test
    void everySyntheticNameMakesThatSetAndZeroSamplesMeansAThousand() {
        for (String name : List.of("spiral", "circles", "xor", "gaussians", "teacher")) {
            Dataset d = Datasets.load(name, "", 0.1, 0, 0.2, 1);
            assertEquals(name, d.name());
            assertEquals(800, d.trainSize(), name);
            assertEquals(200, d.testSize(), name);
            Dataset one = Datasets.load(name, "", 0.1, 1, 0.2, 1);
            assertEquals(1, one.trainSize() + one.testSize(), name + ": 1 sample is 1 sample");
        }
    }

    @Test
    void idxSetsLoadFromTheGivenFolderUnderTheirOwnName() throws IOException {
        Path folder = idxFolder(dir.resolve("set"));
        for (String name : List.of("idx", "fashion-mnist", "mnist")) {
            Dataset d = Datasets.load(name, folder.toString(), 0, 0, 0.2, 1);
            assertEquals(name, d.name());
            assertEquals(3, d.trainSize(), name);
            assertEquals(2, d.testSize());
            assertEquals(4, d.inputs());
            assertEquals(2, Datasets.load(name, folder.toString(), 0, 2, 0.2, 1).trainSize(), "samples caps it");
        }
    }

    @Test
    void fashionMnistWithoutAPathNeedsTheDebianPackage() {
        assumeFalse(Files.isDirectory(Datasets.FASHION_MNIST_DEBIAN), "dataset-fashion-mnist is installed here");
        for (String path : new String[] {"", "  ", null}) {
            DatasetException e = assertThrows(DatasetException.class,
                    () -> Datasets.load("fashion-mnist", path, 0, 0, 0.2, 1));
            assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist")
                    && e.getMessage().contains("dataset.path"), e.getMessage());
        }
    }

    @Test
    void mnistWithoutAPathIsLookedForInKerasCacheFirst() throws IOException {
        String home = System.getProperty("user.home");
        try {
            System.setProperty("user.home", dir.toString());
            assumeFalse(Files.isDirectory(Path.of("/usr/share/datasets/mnist")) || Files.isDirectory(Path.of("data", "mnist")),
                    "an MNIST folder outside the home folder exists here");
            DatasetException e = assertThrows(DatasetException.class, () -> Datasets.load("mnist", "", 0, 0, 0.2, 1));
            assertTrue(e.getMessage().contains("MNIST not found") && e.getMessage().contains(dir.toString())
                    && e.getMessage().contains("dataset.path"), e.getMessage());
            idxFolder(dir.resolve("data").resolve("mnist"));
            assertEquals(3, Datasets.load("mnist", null, 0, 0, 0.2, 1).trainSize(), "~/data/mnist");
            idxFolder(dir.resolve(".keras").resolve("datasets").resolve("mnist"));
            write(dir.resolve(".keras/datasets/mnist"), "train-labels-idx1-ubyte", IdxDatasetTest.labels(0x801, 0, 0, 0));
            Dataset keras = Datasets.load("mnist", " ", 0, 0, 0.2, 1);
            assertEquals(0, keras.trainLabel(1), "~/.keras/datasets/mnist comes first");
        } finally {
            System.setProperty("user.home", home);
        }
    }
}
