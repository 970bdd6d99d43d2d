package org.revlab.core.sim;

import java.util.Arrays;

/**
 * A binary min-heap of events in primitive arrays: time in microseconds, then insertion order,
 * so that two events at the same instant always run in the order they were scheduled. Millions
 * of events pass through it per run, and boxing each one would cost more than the heap itself.
 */
final class EventQueue {

    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    private long[] payloads = new long[1024];
    private int size;
    private long nextSeq;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Schedules event {@code kind} about {@code id} at {@code timeUs}. */
    void add(long timeUs, int kind, int id) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            seqs = Arrays.copyOf(seqs, n);
            payloads = Arrays.copyOf(payloads, n);
        }
        long seq = nextSeq++;
        long payload = ((long) kind << 32) | (id & 0xFFFFFFFFL);
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(timeUs, seq, times[parent], seqs[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        times[i] = timeUs;
        seqs[i] = seq;
        payloads[i] = payload;
    }

    /** Time of the earliest event; the queue must not be empty. */
    long peekTime() {
        return times[0];
    }

    /** Kind of the earliest event. */
    int peekKind() {
        return (int) (payloads[0] >>> 32);
    }

    /** Id of the earliest event. */
    int peekId() {
        return (int) payloads[0];
    }

    /** Removes the earliest event. */
    void poll() {
        int last = --size;
        if (last == 0) {
            return;
        }
        long t = times[last];
        long s = seqs[last];
        long p = payloads[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            int right = child + 1;
            if (right < last && before(times[right], seqs[right], times[child], seqs[child])) {
                child = right;
            }
            if (!before(times[child], seqs[child], t, s)) {
                break;
            }
            move(child, i);
            i = child;
        }
        times[i] = t;
        seqs[i] = s;
        payloads[i] = p;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        seqs[to] = seqs[from];
        payloads[to] = payloads[from];
    }

    private static boolean before(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }
}
