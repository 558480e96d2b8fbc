/**
 * How long a server's event loop was held, for `npm run bench:closing-mail`: loaded into the
 * server with NODE_OPTIONS="--require ./bench/loop-delay-probe.cjs", it appends one JSON line a
 * second to $LOOP_PROBE_FILE: the event-loop delay of that second (p99 and max, ms) and
 * process.memoryUsage(). A request arriving while the loop is held waits at least that long.
 */
const fs = require("node:fs");
const { monitorEventLoopDelay } = require("node:perf_hooks");

const file = process.env.LOOP_PROBE_FILE;
if (file && /server/.test(process.argv[1] ?? "")) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  setInterval(() => {
    const { heapUsed, external, rss } = process.memoryUsage();
    const line = { t: Date.now(), p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6, heapUsed, external, rss };
    histogram.reset();
    try {
      fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
    } catch {
      // The benchmark's temporary folder is gone: nothing to report to.
    }
  }, 1000).unref();
}
