package org.shiftscope.nn;

import org.ejml.data.DMatrixRMaj;

/** Softmax over the logits and the mean cross-entropy against integer labels. */
public final class SoftmaxCrossEntropy {
    /** softmax probabilities of the last forward, batch × classes */
    private final DMatrixRMaj p = new DMatrixRMaj(1, 1);
    /** dL/d(logits), batch × classes */
    private final DMatrixRMaj dlogits = new DMatrixRMaj(1, 1);
    /** the labels of the last forward (not owned) */
    private int[] labels;
    /** how many predictions of the last forward matched their label */
    private int correct;

    /** Returns the mean cross-entropy −(1/m) Σ log p[y]; also counts correct predictions. */
    public double forward(DMatrixRMaj logits, int[] y) {
        final int m = logits.numRows, k = logits.numCols;
        p.reshape(m, k);
        labels = y;
        final double[] zd = logits.data, pd = p.data;
        double loss = 0;
        int hits = 0;
        for (int r = 0; r < m; r++) {
            final int o = r * k;
            double max = zd[o];
            int arg = 0;
            for (int c = 1; c < k; c++) {
                if (zd[o + c] > max) {
                    max = zd[o + c];
                    arg = c;
                }
            }
            // p = e^(z − max) / Σ e^(z − max)
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double e = Math.exp(zd[o + c] - max);
                pd[o + c] = e;
                sum += e;
            }
            for (int c = 0; c < k; c++) pd[o + c] /= sum;
            // −log p[y] = log Σ e^(z − max) − (z[y] − max)
            loss += Math.log(sum) - (zd[o + y[r]] - max);
            if (arg == y[r]) hits++;
        }
        correct = hits;
        return loss / m;
    }

    /** dL/d(logits) = (p − onehot(y)) / m */
    public DMatrixRMaj backward() {
        final int m = p.numRows, k = p.numCols;
        dlogits.reshape(m, k);
        final double[] pd = p.data, dd = dlogits.data;
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < k; c++) dd[r * k + c] = pd[r * k + c] / m;
            dd[r * k + labels[r]] -= 1.0 / m;
        }
        return dlogits;
    }

    public int correct() {
        return correct;
    }

    /** the probabilities of the last forward */
    public DMatrixRMaj probabilities() {
        return p;
    }
}
