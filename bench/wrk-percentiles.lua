-- For benchmarks that parse wrk's figures: the latency percentiles wrk's own report leaves out
-- (p95) and its error counts, on one line, latencies in microseconds.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "PERCENTILES requests=%d duration_us=%d p50=%d p95=%d p99=%d max=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
