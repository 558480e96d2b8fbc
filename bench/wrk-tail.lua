-- For bench/page-tail-bench.ts: wrk's latency distribution further into the tail than --latency
-- prints (latencies in microseconds).
done = function(summary, latency, requests)
  io.write(string.format(
    "TAIL requests=%d duration_us=%d p50=%d p90=%d p99=%d p999=%d max=%d mean=%d timeouts=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max, latency.mean, summary.errors.timeout))
end
