/**
 * Where a server's event loop stalls go, for bench/page-tail-bench.ts (docs/benchmarks.md, "Where
 * the remaining time goes"). Loaded with `--require ./bench/stall-probe.cjs` into a server process,
 * it records, on the same clock (performance.now()):
 *   - every gap of more than STALL_PROBE_MS (default 50) between two turns of a 10 ms timer, with
 *     the CPU time the main thread itself used during the gap (from /proc/self/task/<pid>/stat):
 *     a gap the thread spent running is work holding the loop; one it spent not running is the OS
 *     scheduler giving the core to another process (or GC threads, or wrk);
 *   - every 250 ms, the CPU time of the main thread, of the process and of the machine;
 *   - every garbage collection (PerformanceObserver "gc": kind, duration);
 *   - each HTTP request's time in the process, from its 'request' event to 'finish' (and, for
 *     requests a bench client numbered, both instants on the client's clock).
 * It writes one JSON document to $STALL_PROBE_FILE on SIGUSR2 and when the process exits.
 */
const fs = require("node:fs");
const http = require("node:http");
const { PerformanceObserver, performance, monitorEventLoopDelay } = require("node:perf_hooks");

const file = process.env.STALL_PROBE_FILE;
if (file && /server/.test(process.argv[1] ?? "")) {
  const thresholdMs = Number(process.env.STALL_PROBE_MS ?? 50);
  // Clock ticks (USER_HZ, 100 on Linux) of the main thread: utime + stime, fields 14 and 15.
  const statPath = `/proc/self/task/${process.pid}/stat`;
  const mainThreadCpuMs = () => {
    try {
      const stat = fs.readFileSync(statPath, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return NaN;
    }
  };
  const stalls = [];
  const gcs = [];
  const requests = [];
  // Requests that bench/tail-client.cjs or bench/wrk-trace.lua numbered: [id, arrived, finished,
  // the client's port] on CLOCK_MONOTONIC (ms), the clock the clients use too.
  const traced = [];
  const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();

  let last = performance.now();
  let lastCpu = mainThreadCpuMs();
  let lastProcessCpu = process.cpuUsage();
  const tick = () => {
    const now = performance.now();
    const cpu = mainThreadCpuMs();
    const processCpu = process.cpuUsage();
    const gap = now - last - 10;
    if (gap > thresholdMs) {
      stalls.push({
        start: last,
        wallMs: now - last,
        mainThreadCpuMs: cpu - lastCpu,
        processCpuMs: (processCpu.user - lastProcessCpu.user + processCpu.system - lastProcessCpu.system) / 1000,
      });
    }
    last = now;
    lastCpu = cpu;
    lastProcessCpu = processCpu;
    setTimeout(tick, 10).unref();
  };
  setTimeout(tick, 10).unref();

  // Every 250 ms: the main thread's CPU, the whole process's (with its worker and GC threads) and
  // the whole machine's (/proc/stat: jiffies busy and in all, and processes runnable).
  const machine = () => {
    try {
      const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].split(/\s+/).slice(1).map(Number);
      const idle = cpu[3] + cpu[4];
      const all = cpu.reduce((a, b) => a + b, 0);
      const running = Number(/procs_running (\d+)/.exec(fs.readFileSync("/proc/stat", "utf8"))?.[1] ?? NaN);
      return { busy: all - idle, all, running };
    } catch {
      return { busy: NaN, all: NaN, running: NaN };
    }
  };
  // Each thread's CPU so far (ms) by "name/tid": V8's compiler and GC helpers, libuv's pool, workers.
  const threads = () => {
    const result = {};
    try {
      for (const tid of fs.readdirSync("/proc/self/task")) {
        const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
        const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        result[`${name}/${tid}`] = (Number(fields[11]) + Number(fields[12])) * 10;
      }
    } catch {
      // Not Linux: no per-thread figures.
    }
    return result;
  };
  const periods = [];
  let previous = { at: performance.now(), thread: mainThreadCpuMs(), process: process.cpuUsage(), machine: machine() };
  setInterval(() => {
    const current = { at: performance.now(), thread: mainThreadCpuMs(), process: process.cpuUsage(), machine: machine() };
    periods.push({
      start: previous.at,
      wallMs: current.at - previous.at,
      mainThreadCpuMs: current.thread - previous.thread,
      processCpuMs: (current.process.user - previous.process.user + current.process.system - previous.process.system) / 1000,
      machineBusy: (current.machine.busy - previous.machine.busy) / (current.machine.all - previous.machine.all),
      runnable: current.machine.running,
      threads: threads(),
    });
    previous = current;
  }, 250).unref();

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcs.push({ start: entry.startTime, durationMs: entry.duration, kind: entry.detail?.kind ?? entry.kind });
  }).observe({ entryTypes: ["gc"] });

  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, res) {
    if (event === "request") {
      const started = performance.now();
      const id = req.headers["x-probe-id"];
      const arrived = id ? monotonicMs() : 0;
      res.once("finish", () => {
        requests.push([Math.round(started), Math.round((performance.now() - started) * 10) / 10]);
        if (id) traced.push([id, arrived, monotonicMs(), req.socket.remotePort]);
      });
    }
    return emit.apply(this, arguments);
  };

  const write = () => {
    try {
      fs.writeFileSync(
        file,
        JSON.stringify({
          pid: process.pid,
          timeOrigin: performance.timeOrigin,
          // CLOCK_MONOTONIC (which V8's CPU profiles use, in µs) at performance.now() = 0, in ms.
          monotonicOriginMs: Number(process.hrtime.bigint()) / 1e6 - performance.now(),
          thresholdMs,
          loopDelay: { p50: histogram.percentile(50) / 1e6, p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 },
          stalls,
          periods,
          gcs,
          requests,
          traced,
        }),
      );
    } catch {
      // The benchmark's folder is gone: nothing to report to.
    }
  };
  process.on("SIGUSR2", write);
  process.on("exit", write);
}
