package org.shiftscope.data;

import org.ejml.data.DMatrixRMaj;

/** A data set held as double features (synthetic sets). Read-only after construction. */
public final class ArrayDataset implements Dataset {
    /** data set name */
    private final String name;
    /** features per sample */
    private final int inputs;
    /** number of classes */
    private final int classes;
    /** training features, sample-major */
    private final double[] trainX;
    /** training labels */
    private final int[] trainY;
    /** test features, sample-major */
    private final double[] testX;
    /** test labels */
    private final int[] testY;

    public ArrayDataset(String name, int inputs, int classes, double[] trainX, int[] trainY, double[] testX,
                        int[] testY) {
        this.name = name;
        this.inputs = inputs;
        this.classes = classes;
        this.trainX = trainX;
        this.trainY = trainY;
        this.testX = testX;
        this.testY = testY;
    }

    /** Splits samples (sample-major features) into train and test: the last ⌈n·testFraction⌉ are the test part. */
    public static ArrayDataset split(String name, int inputs, int classes, double[] x, int[] y, double testFraction) {
        int n = y.length;
        int test = Math.min(n - 1, (int) Math.ceil(n * testFraction));
        int train = n - test;
        double[] trX = java.util.Arrays.copyOfRange(x, 0, train * inputs);
        double[] teX = java.util.Arrays.copyOfRange(x, train * inputs, n * inputs);
        return new ArrayDataset(name, inputs, classes, trX, java.util.Arrays.copyOfRange(y, 0, train), teX,
                java.util.Arrays.copyOfRange(y, train, n));
    }

    @Override public String name() { return name; }
    @Override public int inputs() { return inputs; }
    @Override public int classes() { return classes; }
    @Override public int trainSize() { return trainY.length; }
    @Override public int testSize() { return testY.length; }

    @Override
    public void trainBatch(int[] idx, int n, DMatrixRMaj x, int[] y) {
        x.reshape(n, inputs);
        for (int i = 0; i < n; i++) {
            System.arraycopy(trainX, idx[i] * inputs, x.data, i * inputs, inputs);
            y[i] = trainY[idx[i]];
        }
    }

    @Override
    public void testBatch(int from, int n, DMatrixRMaj x, int[] y) {
        x.reshape(n, inputs);
        System.arraycopy(testX, from * inputs, x.data, 0, n * inputs);
        System.arraycopy(testY, from, y, 0, n);
    }

    @Override
    public double trainFeature(int i, int j) {
        return trainX[i * inputs + j];
    }

    @Override
    public int trainLabel(int i) {
        return trainY[i];
    }
}
