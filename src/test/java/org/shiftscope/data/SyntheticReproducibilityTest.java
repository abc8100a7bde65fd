package org.shiftscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A saved scenario names its data by generator, noise, size and seed only, so the generators must keep giving the
 * same samples from one version to the next: otherwise every saved scenario, lesson claim and figure in the README
 * silently changes. These are the samples of a small set of each kind (noise 0.3, 60 samples, a quarter held out,
 * seed 12345) as this version makes them. If a generator is changed on purpose, regenerate the values here and
 * re-check the lessons and the README's figures.
 */
class SyntheticReproducibilityTest {

    @ParameterizedTest
    @CsvSource({
        "spiral,    001001111100011010010011011011100000001110011|011110010100110, -1.8225978970214682, 17.290201202390904, 0.10073755361452670, 0.66071981951448750, -0.48075478452681963",
        "circles,   001001111111011100100110110110000010001100011|000110010101011, 1.7337542967763788, 15.723074861263571, 0.013725413329967837, -0.096761331066843480, 0.57254196337669560",
        "xor,       110100100111101111000100111000101010100000101|101001110000100, -6.8228708933637700, 31.624597805179576, -0.78989481088280520, 0.21499799794221677, 0.73807271719031600",
        "gaussians, 001110100001101101010101100000001100111110110|110001011110010, -2.0401295815689860, 17.717196495902936, 0.19659888494182973, -0.026441336507865953, 0.36350676918117236",
        "teacher,   300002320110002322230032211121111231132123212|010003000301130, -52.111089274135700, 1260.9782584856340, 0.51625775047109770, 0.085981759118313800, 2.3391809835279570",
    })
    void sameArgumentsGiveTheSameSamplesAsBefore(String name, String labels, double sum, double sumOfSquares,
                                                 double first0, double first1, double lastTest) {
        Dataset d = Datasets.load(name, "", 0.3, 60, 0.25, 12345);
        StringBuilder got = new StringBuilder();
        double s = 0, sq = 0;
        for (int i = 0; i < d.trainSize(); i++) {
            got.append(d.trainLabel(i));
            for (int j = 0; j < d.inputs(); j++) {
                double v = d.trainFeature(i, j);
                s += v;
                sq += v * v;
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        int[] y = new int[d.testSize()];
        d.testBatch(0, d.testSize(), x, y);
        got.append('|');
        for (int i = 0; i < d.testSize(); i++) got.append(y[i]);
        for (int i = 0; i < d.testSize() * d.inputs(); i++) {
            s += x.data[i];
            sq += x.data[i] * x.data[i];
        }
        assertEquals(labels, got.toString(), name + " labels, training part | test part");
        // features to ~1e-12: Math.sin/cos/tanh may differ in the last bit between JVMs
        assertEquals(sum, s, 1e-11 * Math.max(1, Math.abs(sum)), name + " Σ features");
        assertEquals(sumOfSquares, sq, 1e-11 * sumOfSquares, name + " Σ features²");
        assertEquals(first0, d.trainFeature(0, 0), 1e-12, name + " first sample");
        assertEquals(first1, d.trainFeature(0, 1), 1e-12, name + " first sample");
        assertEquals(lastTest, x.data[d.testSize() * d.inputs() - 1], 1e-12, name + " last test feature");
    }

    @Test
    void theTeachersCentredLabelsOfALargerSetAreTheSameAsBefore() {
        // the teacher centres its logits on 2000 probe samples before labelling: on 60 samples that rarely
        // changes a label, on 1000 it shows in the class counts
        Dataset d = Datasets.load("teacher", "", 0, 1000, 0.2, 12345);
        int[] labels = new int[1000], perClass = new int[4];
        for (int i = 0; i < d.trainSize(); i++) labels[i] = d.trainLabel(i);
        DMatrixRMaj x = new DMatrixRMaj(1, 1);
        int[] y = new int[d.testSize()];
        d.testBatch(0, d.testSize(), x, y);
        System.arraycopy(y, 0, labels, d.trainSize(), d.testSize());
        for (int label : labels) perClass[label]++;
        assertArrayEquals(new int[] {309, 315, 226, 150}, perClass);
        assertEquals(-592887234, Arrays.hashCode(labels), "the label sequence");
    }
}
