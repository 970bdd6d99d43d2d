package org.revlab.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-simulation, per-strategy result {@code <out>/<scenario>-<strategy>.json} that
 * {@code ./revlab attack} collects. Schema (times in ms; -1 means no data): {@code scenario},
 * {@code strategy}, {@code passed}, {@code settings}, {@code target}, optional
 * {@code resource}/{@code baseline} (request stats), {@code dbHits}, {@code windows} and
 * {@code bounds} (a list of name, limit, observed, passed, sentence).
 */
public final class ResultFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> root = new LinkedHashMap<>();

    public ResultFile(String scenario, AttackSettings s, LabTarget target) {
        root.put("scenario", scenario);
        root.put("strategy", s.strategy().id());
        root.put("passed", true);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("shortTtlMs", s.lab().shortTtl().toMillis());
        settings.put("accessTtlMs", s.lab().accessTtl().toMillis());
        settings.put("longTtlMs", s.lab().longTtl().toMillis());
        settings.put("intervalMs", s.interval().toMillis());
        settings.put("windowLimitMs", s.windowLimit().toMillis());
        settings.put("durationMs", s.duration().toMillis());
        settings.put("rate", s.rate());
        settings.put("requestsPerUser", s.requestsPerUser());
        settings.put("userPaceMs", s.userPace().toMillis());
        settings.put("pairs", s.pairs());
        settings.put("revokeAfterMs", s.revokeAfter().toMillis());
        settings.put("spreadMs", s.spread().toMillis());
        settings.put("backgroundRate", s.backgroundRate());
        settings.put("warmUp", s.warmUp());
        root.put("settings", settings);
        root.put("target", target.inProcess() ? "in-process" : target.baseUrl());
        root.put("nodes", target.inProcess() ? List.of("in-process") : target.baseUrls());
        // With several nodes each thief calls another node than the one its victim uses.
        root.put("attackerOnOtherNode", target.nodes() > 1);
    }

    public ResultFile put(String key, Object value) {
        root.put(key, value);
        return this;
    }

    /** Adds the bounds and sets {@code passed} to whether all of them held. */
    public ResultFile bounds(List<RevocationBound.Result> results) {
        root.put("bounds", results.stream().map(RevocationBound.Result::toMap).toList());
        root.put("passed", results.stream().allMatch(RevocationBound.Result::passed));
        return this;
    }

    public boolean passed() {
        return Boolean.TRUE.equals(root.get("passed"));
    }

    /** Writes the file and returns its path. */
    public Path write(Path dir) {
        Path path = dir.resolve(root.get("scenario") + "-" + root.get("strategy") + ".json");
        try {
            Files.createDirectories(dir);
            JSON.writeValue(path.toFile(), root);
        } catch (IOException e) {
            throw new IllegalStateException("ResultFile: cannot write " + path + ": "
                    + e.getMessage(), e);
        }
        return path;
    }

    /** The window summary as it goes into the file. */
    public static Map<String, Object> windows(WindowRecorder.Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pairs", s.pairs());
        m.put("revoked", s.revoked());
        m.put("complete", s.complete());
        m.put("p50Ms", s.windowP50Ms());
        m.put("p99Ms", s.windowP99Ms());
        m.put("maxMs", s.windowMaxMs());
        m.put("exposure", s.exposure());
        m.put("maxExposurePerPair", s.maxExposurePerPair());
        m.put("pairsWithExposure", s.pairsWithExposure());
        m.put("firstRejectionReasons", s.firstRejectionReasons());
        return m;
    }

    /** Database hits over a span from two metrics documents. */
    public static Map<String, Object> dbHits(Map<String, Object> before,
            Map<String, Object> after, long spanMs) {
        long hits = LabTarget.counter(after, "dbHits") - LabTarget.counter(before, "dbHits");
        long requests = LabTarget.counter(after, "requests")
                - LabTarget.counter(before, "requests");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hits", hits);
        m.put("serverRequests", requests);
        m.put("spanMs", spanMs);
        m.put("perSecond", spanMs <= 0 ? 0.0 : Math.round(hits * 10_000.0 / spanMs) / 10.0);
        m.put("perRequest", requests <= 0 ? 0.0 : Math.round(hits * 1000.0 / requests) / 1000.0);
        return m;
    }
}
