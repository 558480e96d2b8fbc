import { spawn, type ChildProcess } from "node:child_process";
import { findExecutable, findOrInstall, freePort, untilPrinted } from "./throwaway-service";

export interface ThrowawayRedis {
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  /** Stops the server; nothing was saved, so nothing is left. */
  stop: () => Promise<void>;
  /** Stops and starts it again on the same port, empty: what a Redis restart does to the app. */
  restart: () => Promise<void>;
}

/** A Redis server of its own for one test file, on a free loopback port, saving nothing to disk. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const binary = findOrInstall("redis-server", "redis-server", () => findExecutable("redis-server", ["/usr/bin", "/usr/local/bin"]));
  const port = await freePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    // --save "" and --appendonly no: a throwaway server writes no dump or log to disk.
    child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    await untilPrinted(child, "Ready to accept connections", "redis-server");
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill("SIGTERM");
    await exited;
  };
  const killNow = () => child?.kill("SIGKILL");
  process.once("exit", killNow);

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      process.off("exit", killNow);
      await stop();
    },
    restart: async () => {
      await stop();
      await start();
    },
  };
}
