package org.revlab.core;

import java.util.Objects;

/**
 * The outcome of authenticating one request: accepted or rejected, always with a reason.
 *
 * @param reason why; {@link Reason#ACCEPTED} for an accepted request
 * @param subject the user, where known (also on some rejections, for metrics); may be null
 * @param sessionId the session, where known; may be null
 * @param issuedAccessToken a fresh short-lived token issued by this request ({@code two-token}
 *     refresh), to be returned to the client; null otherwise
 * @param detail a whole sentence for people and logs; never null
 */
public record Verdict(
        Reason reason, String subject, String sessionId, String issuedAccessToken, String detail) {

    public Verdict {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public static Verdict accept(String subject, String sessionId) {
        return new Verdict(Reason.ACCEPTED, subject, sessionId, null, "accepted");
    }

    public static Verdict acceptWithNewToken(String subject, String sessionId, String token) {
        return new Verdict(Reason.ACCEPTED, subject, sessionId, token,
                "accepted; a new short-lived token was issued");
    }

    public static Verdict reject(Reason reason, String detail) {
        return new Verdict(reason, null, null, null, detail);
    }

    public static Verdict reject(Reason reason, String subject, String sessionId, String detail) {
        return new Verdict(reason, subject, sessionId, null, detail);
    }

    public boolean accepted() {
        return reason == Reason.ACCEPTED;
    }
}
