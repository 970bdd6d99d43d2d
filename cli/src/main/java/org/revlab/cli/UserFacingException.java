package org.revlab.cli;

/**
 * A failure whose message is a whole sentence for the user (what went wrong, what to do); the
 * command line prints it without a stack trace and exits with the given status.
 */
public final class UserFacingException extends RuntimeException {

    public UserFacingException(String message) {
        super(message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(message, cause);
    }
}
