package org.shiftscope.cli;

/** Bad command-line input: reported as one paragraph, exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
