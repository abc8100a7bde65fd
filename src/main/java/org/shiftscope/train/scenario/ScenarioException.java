package org.shiftscope.train.scenario;

/** A scenario that cannot be used: the message names the source, the key, the value and what is allowed. */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String message, Throwable cause) {
        super(message, cause);
    }
}
