package org.revlab.core.store;

/**
 * The store could not answer: down, unreachable, or slower than its timeout. Strategies turn
 * it into a {@code store_unavailable} verdict; the HTTP service answers 503.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
