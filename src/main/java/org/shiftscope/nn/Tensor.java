package org.shiftscope.nn;

import org.ejml.data.DMatrixRMaj;

/**
 * A tensor of shape (examples, positions, channels): the layout every layer reads and writes. Positions are time
 * steps of a sequence or pixels of a feature map (1 for a plain feature vector); channels are a dense layer's units
 * or a feature map's channels. Stored row-major with channels fastest, element (n, p, c) at index
 * {@code (n·P + p)·C + c}: as a matrix it is (examples·positions) × channels, so a dense layer applied at every
 * position is one matrix product, and BatchNorm's per-channel statistics over examples × positions are column
 * statistics. A plain {@link DMatrixRMaj} handed to a layer counts as one position per row.
 *
 * <p>It is an EJML matrix (rows = examples × positions, columns = channels), so the matrix back-ends and EJML's own
 * operations take it as it is; {@link #reshape(int, int, int)} sets all three sizes, and a layer sets its output's
 * positions from its input's ({@link #positionsOf}).
 */
public final class Tensor extends DMatrixRMaj {
    /** positions per example (time steps, pixels); rows = examples × positions */
    private int positions = 1;

    /** an empty tensor that grows as it is reshaped */
    public Tensor() {
        super(1, 1);
    }

    /** an (examples, positions, channels) tensor of zeros */
    public Tensor(int examples, int positions, int channels) {
        super(examples * positions, channels);
        this.positions = positions;
    }

    /** Reshapes to (examples, positions, channels), reusing the array when it is large enough. */
    public void reshape(int examples, int positions, int channels) {
        if (positions < 1 || examples < 0) {
            throw new IllegalArgumentException("a tensor needs ≥ 1 position and ≥ 0 examples, not " + examples + " × "
                    + positions);
        }
        reshape(examples * positions, channels);
        this.positions = positions;
    }

    /** Reshapes like {@code like}: the same examples, positions and channels. */
    public void reshapeLike(DMatrixRMaj like) {
        reshape(like.numRows, like.numCols);
        this.positions = positionsOf(like);
    }

    /** positions per example */
    public int positions() {
        return positions;
    }

    /** examples (rows / positions) */
    public int examples() {
        return numRows / positions;
    }

    /** channels (columns) */
    public int channels() {
        return numCols;
    }

    /** Sets the positions per example of the rows already there (they must divide the rows). */
    public void setPositions(int p) {
        if (p < 1 || numRows % p != 0) {
            throw new IllegalArgumentException(numRows + " rows are not a whole number of examples of " + p
                    + " positions");
        }
        positions = p;
    }

    /** positions per example of any matrix a layer is handed: a tensor's own, else 1 (one position per row) */
    public static int positionsOf(DMatrixRMaj m) {
        return m instanceof Tensor t ? t.positions : 1;
    }

    /** "(examples, positions, channels)" */
    public String shape() {
        return "(" + examples() + ", " + positions + ", " + numCols + ")";
    }
}
