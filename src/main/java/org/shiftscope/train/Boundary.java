package org.shiftscope.train;

/**
 * The decision surface of a 2-D classifier on a square grid, in inference mode. Immutable.
 *
 * @param generation session generation it belongs to
 * @param run        which run
 * @param step       step at which it was computed
 * @param size       grid points per side
 * @param lo         lowest coordinate on both axes
 * @param hi         highest coordinate on both axes
 * @param classOf    predicted class per grid point, row-major with y rising with the row index; do not modify
 * @param confidence probability of the predicted class per grid point; do not modify
 */
public record Boundary(int generation, String run, long step, int size, double lo, double hi, int[] classOf,
                       float[] confidence) { }
