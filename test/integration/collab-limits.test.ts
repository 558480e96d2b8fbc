/**
 * The `/collab` namespace under a misbehaving client: each test runs an attack beside honest
 * co-editors and checks the attack is refused while the honest edits keep arriving. The honest
 * clients' latency is printed for the record, never asserted (timings belong in bench/).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { MAX_JOINED_DOCUMENTS } from "../../realtime/protocol";
import { freePort, freshDatabasePath, repoRoot } from "../support/start-server";
import { askWholeDocument, blockTexts, stockClient, typeIntoBlock, until, type StockClient } from "../support/stock-yjs-client";

interface TestServer {
  url: string;
  child: ChildProcess;
}
const servers: TestServer[] = [];
const clients: StockClient[] = [];

async function startCollab(): Promise<TestServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/collab-test-server.ts"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATABASE_PATH: freshDatabasePath() },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d) => String(d).includes("listening") && resolve());
    child.once("exit", (code) => reject(new Error(`collab server exited ${code}`)));
  });
  const server = { url: `http://127.0.0.1:${port}`, child };
  servers.push(server);
  return server;
}

async function joined(server: TestServer, token: string, docName = "draft/demo") {
  const client = stockClient(server.url, { auth: { token } });
  clients.push(client);
  await client.connected;
  expect(await client.join(docName)).toMatchObject({ ok: true });
  await until(() => blockTexts(client.doc).length === 2, `${token} to sync`);
  return client;
}

/** Types into the writer's document and resolves with the time until the reader sees it. */
async function honestEdit(writer: StockClient, reader: StockClient, marker: string): Promise<number> {
  const start = performance.now();
  typeIntoBlock(writer.doc, 1, marker);
  await until(() => blockTexts(reader.doc)[1]!.includes(marker), `the honest edit ${marker} to arrive`, 30_000);
  return performance.now() - start;
}

const awarenessFrame = (entries: { clientId: number; clock: number; state: unknown }[]) => {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(inner, e.clientId);
    encoding.writeVarUint(inner, e.clock);
    encoding.writeVarString(inner, JSON.stringify(e.state));
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, 1);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
};

const honestUser = { name: "Alice", color: "#1d4ed8", role: "expert", region: null };

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) {
    if (s.child.exitCode === null && s.child.signalCode === null) {
      s.child.kill("SIGTERM");
      await new Promise((r) => s.child.once("exit", r));
    }
  }
});

describe("a misbehaving co-editor beside honest ones", () => {
  it("may set only its own awareness state, and only a state the schema allows", async () => {
    const server = await startCollab();
    const alice = await joined(server, "write:alice");
    const bob = await joined(server, "write:bob");
    const mallory = await joined(server, "write:mallory");

    alice.awareness.setLocalState({ user: honestUser });
    await until(() => bob.awareness.getStates().get(alice.doc.clientID) !== undefined, "Alice's presence to reach Bob");

    // Mallory speaks for Alice's client id (and for her own, validly): only her own is applied.
    const own = mallory.doc.clientID;
    mallory.sendRaw("draft/demo", awarenessFrame([
      { clientId: alice.doc.clientID, clock: 99, state: { user: { ...honestUser, name: "Alice (hijacked)" } } },
      { clientId: own, clock: 1, state: { user: { name: "Mallory", color: "#b91c1c", role: "participant", region: null } } },
    ]));
    await mallory.errorMatching(/a client may only set its own state/);
    await until(() => (bob.awareness.getStates().get(own)?.user as { name?: string } | undefined)?.name === "Mallory", "Mallory's own presence");
    // Another id claimed later is refused too: a socket speaks for one client id.
    mallory.sendRaw("draft/demo", awarenessFrame([{ clientId: own + 1, clock: 1, state: { user: { ...honestUser, name: "Ghost" } } }]));
    await until(() => mallory.errors.filter((e) => /only set its own state/.test(e)).length === 2, "the second refusal");

    // Alice reconnecting on a new connection (the old one not yet gone) keeps her own id.
    const aliceAgain = stockClient(server.url, { auth: { token: "write:alice" } });
    clients.push(aliceAgain);
    await aliceAgain.connected;
    expect(await aliceAgain.join("draft/demo")).toMatchObject({ ok: true });
    aliceAgain.sendRaw("draft/demo", awarenessFrame([{ clientId: alice.doc.clientID, clock: 50, state: { user: { ...honestUser, name: "Alice" } } }]));
    await until(() => bob.awareness.getStates().get(alice.doc.clientID)?.user !== undefined && bob.awareness.meta.get(alice.doc.clientID)?.clock === 50, "Alice's presence from her new connection");
    expect(aliceAgain.errors).toEqual([]);

    // States outside the schema: CSS in the colour, an unknown role, unknown fields, a huge name.
    const attacks = [
      { user: { ...honestUser, color: "red; background-image: url(https://evil.example/x)" } },
      { user: { ...honestUser, role: "admin" } },
      { user: honestUser, script: "<img src=x onerror=alert(1)>" },
      { user: { ...honestUser, name: "M".repeat(5_000) } },
    ];
    for (const [i, state] of attacks.entries()) mallory.sendRaw("draft/demo", awarenessFrame([{ clientId: own, clock: 2 + i, state }]));
    await until(() => mallory.errors.filter((e) => /awareness state/.test(e)).length === attacks.length, "every invalid state to be refused");

    // The honest ones still see each other, and Alice's state was never replaced.
    typeIntoBlock(alice.doc, 0, "Still here. ");
    await until(() => blockTexts(bob.doc)[0]!.startsWith("Still here. "), "Alice's edit to reach Bob");
    expect((bob.awareness.getStates().get(alice.doc.clientID)?.user as { name: string }).name).toBe("Alice");
    expect((bob.awareness.getStates().get(own)?.user as { color: string }).color).toBe("#b91c1c");
  });

  it("joins one document idempotently and at most a few documents per connection", async () => {
    const server = await startCollab();
    const alice = await joined(server, "write:alice");
    const mallory = await joined(server, "write:mallory");
    const join = (docName: string) => mallory.socket.emitWithAck("join", docName) as Promise<{ ok: boolean; error?: string }>;
    for (let i = 0; i < 5; i++) expect(await join("draft/demo")).toEqual({ ok: true, writable: true });
    for (let i = 1; i < MAX_JOINED_DOCUMENTS; i++) expect(await join(`draft/other-${i}`)).toMatchObject({ ok: true });
    const refused = await join("draft/one-too-many");
    expect(refused).toMatchObject({ ok: false });
    expect(refused.error).toMatch(/at most 8 documents/);
    // Leaving one makes room again.
    mallory.socket.emit("leave", "draft/other-1");
    expect(await join("draft/one-too-many")).toMatchObject({ ok: true });

    // Joined five times, Mallory is one member: her edit arrives once; one leave and she is out.
    typeIntoBlock(mallory.doc, 0, "M ");
    await until(() => blockTexts(alice.doc)[0] === "M First paragraph.", "Mallory's edit");
    await until(() => blockTexts(mallory.doc)[0] === "M First paragraph.", "Mallory's own copy");
    expect(blockTexts(alice.doc)[0]).toBe("M First paragraph.");
    mallory.socket.emit("leave", "draft/demo");
    mallory.sendRaw("draft/demo", askWholeDocument());
    await mallory.errorMatching(/join the document first/);
  }, 60_000);

  it("drops messages past the rate limit, then disconnects a client that keeps flooding", async () => {
    const server = await startCollab();
    const alice = await joined(server, "write:alice");
    const bob = await joined(server, "write:bob");
    const mallory = await joined(server, "write:mallory");
    const disconnected = new Promise<string>((r) => mallory.socket.once("disconnect", (reason) => r(reason)));

    const ask = askWholeDocument();
    for (let i = 0; i < 3_000; i++) mallory.sendRaw("draft/demo", ask);
    await mallory.errorMatching(/rate limit/);
    expect(await disconnected).toBe("io server disconnect");

    const latency = await honestEdit(alice, bob, "honest ");
    console.log(`honest edit beside a flooding client arrived in ${latency.toFixed(0)} ms`);
  }, 60_000);

  it("disconnects a client that stops reading instead of buffering for it without end", async () => {
    const server = await startCollab();
    const alice = await joined(server, "write:alice");
    const bob = await joined(server, "write:bob");
    const mallory = await joined(server, "write:mallory");
    mallory.awareness.setLocalState({ user: { name: "Mallory", color: "#b91c1c", role: "participant", region: null } });
    await until(() => alice.awareness.getStates().has(mallory.doc.clientID), "Mallory's presence");

    // A large document (400 kB), so each answer to "send me everything" is large.
    typeIntoBlock(alice.doc, 0, "x".repeat(400_000));
    await until(() => blockTexts(mallory.doc)[0]!.length > 400_000, "the large document to reach Mallory");

    // Mallory stops reading her socket, then asks for the whole document over and over (40 MB:
    // more than the kernel's socket buffers and the server's limit together).
    const engine = mallory.socket.io.engine as unknown as { transport: { ws: { _socket: { pause: () => void } } } };
    engine.transport.ws._socket.pause();
    const ask = askWholeDocument();
    for (let i = 0; i < 100; i++) mallory.sendRaw("draft/demo", ask);

    // The server cuts her off: her presence disappears for the others.
    await until(() => !alice.awareness.getStates().has(mallory.doc.clientID), "Mallory to be disconnected", 30_000);
    const latency = await honestEdit(alice, bob, "honest ");
    console.log(`honest edit beside a client that stopped reading arrived in ${latency.toFixed(0)} ms`);
  }, 60_000);

  it("answers unknown events with an error and carries on", async () => {
    const server = await startCollab();
    const alice = await joined(server, "write:alice");
    const mallory = await joined(server, "write:mallory");
    mallory.socket.emit("dropDatabase", "now");
    await mallory.errorMatching(/unknown event "dropDatabase"/);
    const reply = await mallory.socket.emitWithAck("sudo", { all: true });
    expect(reply).toMatchObject({ ok: false, error: 'unknown event "sudo"' });
    await honestEdit(alice, mallory, "fine ");
  });
});

describe("a stock socket.io client (default parser) with yjs and y-protocols", () => {
  it("joins, syncs, edits and receives another client's edit", async () => {
    const server = await startCollab();
    const a = await joined(server, "write:alice");
    const b = await joined(server, "write:bob");
    expect(blockTexts(a.doc)).toEqual(["First paragraph.", "Second paragraph."]);
    typeIntoBlock(a.doc, 0, "A: ");
    typeIntoBlock(b.doc, 1, "B: ");
    await until(() => blockTexts(a.doc)[1] === "B: Second paragraph." && blockTexts(b.doc)[0] === "A: First paragraph.", "convergence");
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
  });
});
