/**
 * A closed-loop HTTP/1.1 load generator like wrk (keep-alive connections, each sending its next
 * request when the previous answer is complete), for bench/page-tail-bench.ts. Unlike wrk it
 * numbers each request (X-Probe-Id) and records, on CLOCK_MONOTONIC, when it was written, when
 * the first byte of its answer was read and when the last was; bench/stall-probe.cjs records on
 * the same clock when the server saw and finished the same request, so a slow answer's time can
 * be split between the client, the kernel's queues and the server.
 *
 *   node bench/tail-client.cjs <url> <connections> <seconds> <out.json>
 *
 * Writes [[id, written, firstByte, done], …] (ms) to out.json. Node is slower than wrk, so the
 * load it offers is lower; it exists to explain latencies, not to measure throughput.
 */
const net = require("node:net");
const fs = require("node:fs");

const [url, connectionsArg, secondsArg, out] = process.argv.slice(2);
const target = new URL(url);
const connections = Number(connectionsArg ?? 100);
const seconds = Number(secondsArg ?? 10);
const now = () => Number(process.hrtime.bigint()) / 1e6;
const records = [];
const endAt = now() + seconds * 1000;
let open = connections;

function connection(index) {
  const socket = net.connect(Number(target.port), target.hostname);
  socket.setNoDelay(true);
  let sequence = 0;
  let current = null;
  let buffered = Buffer.alloc(0);
  let remaining = -1;

  const send = () => {
    if (now() >= endAt) {
      socket.end();
      return;
    }
    const id = `${index}-${sequence++}`;
    current = [id, now(), 0, 0];
    socket.write(`GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nAccept-Encoding: gzip, br\r\nX-Probe-Id: ${id}\r\n\r\n`);
  };

  socket.on("connect", send);
  socket.on("data", (chunk) => {
    if (current && current[2] === 0) current[2] = now();
    if (remaining < 0) {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf("\r\n\r\n");
      if (end < 0) return;
      const head = buffered.subarray(0, end).toString("latin1");
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      remaining = length - (buffered.length - end - 4);
      buffered = Buffer.alloc(0);
    } else {
      remaining -= chunk.length;
    }
    if (remaining <= 0) {
      current[3] = now();
      records.push(current);
      current = null;
      remaining = -1;
      send();
    }
  });
  socket.on("error", () => {});
  socket.on("close", () => {
    open -= 1;
    if (open === 0) fs.writeFileSync(out, JSON.stringify(records));
  });
}

for (let i = 0; i < connections; i++) connection(i);
