package io.sluice.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

import io.sluice.bench.job.ChildReport;

/**
 * Sustained mode for one variant: the highest offered rate (lines/s, 1 s batches) at which every
 * batch after the warm-up ({@link RunResult#steadyBatches()}) is processed within the interval. Probes, each a fresh run: first the
 * fixed rate, then up by doubling (or down by halving) until the verdict flips, then bisection;
 * at most {@code maxProbes} probes, and never above {@code maxRate}. A rate's verdict is the probe's own: on a loaded machine a rate that passes once may
 * fail the next time, which is why searches are repeated and their medians reported.
 */
final class RateSearch {
    /** One probe: the rate offered and what happened. */
    record Probe(long rate, boolean sustained, RunResult run) {
    }

    /**
     * Where the search ended: the highest sustained rate found (0 if none), whether that is the
     * highest rate allowed, whether no probe failed below {@code --max-rate} (so the rate is only
     * a lower bound), and every probe.
     */
    record Outcome(long bestRate, boolean capped, boolean lowerBound, List<Probe> probes) {
    }

    private RateSearch() {
    }

    static boolean sustained(RunResult run, long intervalMillis) {
        List<ChildReport.Batch> steady = run.steadyBatches();
        return !steady.isEmpty() && steady.stream().allMatch(batch -> batch.processingMillis() <= intervalMillis);
    }

    static Outcome search(long fixedRate, long maxRate, int maxProbes, long intervalMillis, LongFunction<RunResult> probe) {
        List<Probe> probes = new ArrayList<>();
        long passed = 0;
        long failed = Long.MAX_VALUE;
        long rate = Math.min(fixedRate, maxRate);
        while (probes.size() < maxProbes && rate > 0) {
            RunResult run = probe.apply(rate);
            boolean ok = sustained(run, intervalMillis);
            probes.add(new Probe(rate, ok, run));
            if (ok) {
                passed = Math.max(passed, rate);
            }
            else {
                failed = Math.min(failed, rate);
            }
            long next = failed == Long.MAX_VALUE ? Math.min(passed * 2, maxRate)
                    : passed == 0 ? failed / 2
                    : (passed + failed) / 2;
            if (next == rate || next <= passed || next >= failed || (failed != Long.MAX_VALUE && failed - passed <= failed / 20)) {
                break;
            }
            rate = next;
        }
        boolean capped = passed == maxRate;
        return new Outcome(passed, capped, !capped && failed == Long.MAX_VALUE && passed > 0, probes);
    }
}
