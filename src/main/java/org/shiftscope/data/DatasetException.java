package org.shiftscope.data;

/** Data that cannot be loaded: the message names the file and the problem. */
public final class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }
}
