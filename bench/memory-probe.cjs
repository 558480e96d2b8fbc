/**
 * Where a server's memory is, for `npm run bench:wal`: loaded into the server with
 * NODE_OPTIONS="--require ./bench/memory-probe.cjs", it writes `process.memoryUsage()` as JSON to
 * $MEMORY_PROBE_FILE every second (the benchmark reads it beside the RSS it samples itself).
 */
const fs = require("node:fs");

const file = process.env.MEMORY_PROBE_FILE;
if (file && /server/.test(process.argv[1] ?? "")) {
  setInterval(() => {
    try {
      fs.writeFileSync(file, JSON.stringify(process.memoryUsage()));
    } catch {
      // The benchmark's temporary folder is gone: nothing to report to.
    }
  }, 1000).unref();
}
