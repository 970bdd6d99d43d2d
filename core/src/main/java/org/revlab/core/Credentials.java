package org.revlab.core;

/**
 * What a client presents. {@code access} is the per-request credential: a signed token, or an
 * opaque session id for {@code stateful}. {@code longLived} is only used by {@code two-token}.
 * Either may be null; what is missing is a verdict, not an exception.
 */
public record Credentials(String access, String longLived) {

    public static Credentials of(String access) {
        return new Credentials(access, null);
    }

    /** The same credentials with the access part replaced, as a client does after a refresh. */
    public Credentials withAccess(String newAccess) {
        return new Credentials(newAccess, longLived);
    }
}
