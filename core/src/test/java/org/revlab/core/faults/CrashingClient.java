package org.revlab.core.faults;

import java.nio.file.Path;
import java.time.Clock;
import org.revlab.core.Lab;
import org.revlab.core.LabSettings;
import org.revlab.core.SessionStrategy;
import org.revlab.core.StrategyId;
import org.revlab.core.store.JdbcSessionStore;
import org.revlab.core.token.SigningAlgorithm;
import org.revlab.core.token.SigningKeys;

/**
 * The child process of {@link CrashDurabilityTest}: logs in and revokes on a file-mode store
 * until it is killed, printing a line for every revocation the store acknowledged.
 */
public final class CrashingClient {

    private CrashingClient() {
    }

    public static void main(String[] args) {
        Path path = Path.of(args[0]);
        try (Lab lab = Lab.open(StrategyId.TWO_TOKEN, SigningKeys.generate(SigningAlgorithm.HS256),
                new JdbcSessionStore(CrashDurabilityTest.settings(path)), Clock.systemUTC(),
                LabSettings.DEFAULTS)) {
            SessionStrategy s = lab.strategy();
            for (int i = 0; ; i++) {
                String user = "user" + i;
                s.login(user, "laptop");
                s.login(user, "phone");
                String sid = s.sessions(user).get(0).sessionId();
                if (i % 2 == 0) {
                    s.revokeAll(user);
                    System.out.println("acknowledged all " + user);
                } else if (s.revokeSession(user, sid)) {
                    System.out.println("acknowledged one " + user + " " + sid);
                }
                System.out.flush();
            }
        }
    }
}
