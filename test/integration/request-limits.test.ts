import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, MAX_UPLOAD_BYTES } from "../../app/http/bounded-body.server";
import { startServer, type RunningServer } from "../support/start-server";

/**
 * Bodies larger than the limit, sent as an attacker would: chunked (no Content-Length to trust),
 * endlessly, ten at once. The server must answer 413, stop reading, close the connection, and
 * stay up for everyone else.
 */
let server: RunningServer;
/** Uploads are read only for the secretariat: the attacker here holds a secretariat session. */
let secretariat = "";
beforeAll(async () => {
  server = await startServer();
  const signIn = await fetch(`${server.url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ email: "secretariat@demo.redraft.org", password: "redraft-demo-2026" }),
  });
  secretariat = signIn.headers.get("set-cookie")!.split(";")[0]!;
});
afterAll(async () => {
  await server.stop();
});

interface Outcome {
  response: string;
  closed: boolean;
  sentBytes: number;
}

/**
 * Sends a chunked POST whose body never ends (64 KB chunks for as long as the socket accepts them)
 * and resolves with what the server answered once it closes the connection.
 *
 * Once the answer's head has arrived, the sender stops and closes its side, as RFC 9112 (section
 * 9.5) asks of a client that sees an early answer and as browsers do. A sender that ignores the
 * answer (`ignoreAnswer`) is cut off by the server; whether it still reads the answer then depends
 * on scheduling alone (the cut purges what it had not read yet), so only the cut is asserted for it.
 */
function endlessChunkedPost(path: string, contentType: string, origin = server.url, { ignoreAnswer = false } = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(server.port, "127.0.0.1");
    let response = "";
    let sentBytes = 0;
    const chunk = Buffer.alloc(64 * 1024, "a");
    const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
    let open = true;
    const pump = () => {
      while (open && socket.write(frame)) sentBytes += chunk.length;
    };
    socket.on("connect", () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${origin}\r\n` +
          `Cookie: ${secretariat}\r\nContent-Type: ${contentType}\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      pump();
    });
    socket.on("drain", pump);
    socket.on("data", (d) => {
      response += d.toString("latin1");
      if (!ignoreAnswer && open && response.includes("\r\n\r\n")) {
        open = false;
        socket.end();
      }
    });
    // The server cutting the connection while we still write is the expected end.
    socket.on("error", () => undefined);
    socket.on("close", () => {
      open = false;
      resolve({ response, closed: true, sentBytes });
    });
    socket.on("end", () => socket.end());
    // A hang detector, not a speed target: on a loaded machine ten such requests at once may sit
    // idle for tens of seconds before the server gets a core; below the test's own timeout so a
    // hang reports what the server said.
    socket.setTimeout(100_000, () => {
      open = false;
      socket.destroy();
      reject(new Error(`the server never closed the connection; it answered: ${response.slice(0, 200)}`));
    });
  });
}

function residentKilobytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
}

describe("bounded request bodies", () => {
  it("answers 413 to an endless chunked form post, and closes the connection", async () => {
    const outcome = await endlessChunkedPost("/sign-in", "application/x-www-form-urlencoded");
    expect(outcome.response).toMatch(/^HTTP\/1\.1 413/);
    expect(outcome.response).toContain("Too large");
    expect(outcome.closed).toBe(true);
    // It stopped reading near the limit: what was sent is bounded by the limit plus socket buffers.
    expect(outcome.sentBytes).toBeLessThan(MAX_BODY_BYTES + 16 * 1024 * 1024);
  });

  it("cuts off a sender that keeps sending after the answer, and stays up", async () => {
    const before = residentKilobytes(server.child.pid!);
    const outcome = await endlessChunkedPost("/sign-in", "application/x-www-form-urlencoded", server.url, { ignoreAnswer: true });
    expect(outcome.closed).toBe(true);
    // What it sent while the server lingered was read and thrown away, not kept.
    expect((residentKilobytes(server.child.pid!) - before) / 1024).toBeLessThan(120);
    expect((await fetch(server.url)).status).toBe(200);
  });

  it("bounds chunked uploads too, at the upload limit", async () => {
    const outcome = await endlessChunkedPost("/c/unesco-ethics-of-ai/input/import", "multipart/form-data; boundary=xyz");
    expect(outcome.response).toMatch(/^HTTP\/1\.1 413/);
    expect(outcome.sentBytes).toBeGreaterThan(MAX_UPLOAD_BYTES - 1);
  });

  it("refuses a declared Content-Length over the limit before reading the body", async () => {
    const response = await fetch(`${server.url}/sign-in`, {
      method: "POST",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: "a".repeat(MAX_BODY_BYTES + 1),
    });
    expect(response.status).toBe(413);
  });

  it("closes the connection when an action answers before reading an endless body", async () => {
    // Anonymous: the import page sends the visitor to sign in without reading the upload.
    const saved = secretariat;
    secretariat = "none=1";
    const outcome = await endlessChunkedPost("/c/unesco-ethics-of-ai/input/import", "multipart/form-data; boundary=xyz").finally(() => (secretariat = saved));
    expect(outcome.response).toMatch(/^HTTP\/1\.1 (302|403|413)/);
    expect(outcome.closed).toBe(true);
  });

  it("closes the connection after refusing a cross-site post whose body never ends", async () => {
    const outcome = await endlessChunkedPost("/sign-in", "application/x-www-form-urlencoded", "https://evil.example");
    expect(outcome.response).toMatch(/^HTTP\/1\.1 403/);
    expect(outcome.closed).toBe(true);
  });

  it("still accepts a form under the limit sent chunked", async () => {
    const body = new URLSearchParams({ email: "participant@demo.redraft.org", password: "redraft-demo-2026" }).toString();
    const response = await fetch(`${server.url}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      // A stream has no length: fetch sends it chunked.
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(body));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(302);
  });

  it("stays up, with its memory bounded, under ten endless bodies at once", async () => {
    const before = residentKilobytes(server.child.pid!);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        endlessChunkedPost(i % 2 ? "/register" : "/c/unesco-ethics-of-ai/input/import", i % 2 ? "application/x-www-form-urlencoded" : "multipart/form-data; boundary=xyz"),
      ),
    );
    for (const outcome of outcomes) expect(outcome.response).toMatch(/^HTTP\/1\.1 413/);
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    // A sanity bound, not a measurement: ten bodies read to the end would add far more.
    const grownMegabytes = (residentKilobytes(server.child.pid!) - before) / 1024;
    expect(grownMegabytes).toBeLessThan(120);
  });
});
