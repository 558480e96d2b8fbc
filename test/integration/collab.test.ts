import { spawn, type ChildProcess } from "node:child_process";
import { io as connect } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { readWorkingDraft } from "../../app/drafts/working-draft";
import { SocketIoYjsProvider, type CollabClientSocket } from "../../realtime/collab/socket-provider";
import { decodeFrame, encodeUpdate, SYNC_STEP_1 } from "../../realtime/collab/yjs-frames";
import { singleFrameParser } from "../../realtime/single-frame-parser";
import { freePort, freshDatabasePath, repoRoot } from "../support/start-server";

interface TestServer {
  url: string;
  child: ChildProcess;
  databasePath: string;
}
const servers: TestServer[] = [];
const sockets: CollabClientSocket[] = [];

async function startCollab(databasePath = freshDatabasePath(), port?: number): Promise<TestServer> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/collab-test-server.ts"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(p), DATABASE_PATH: databasePath },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (d) => String(d).includes("listening") && resolve());
    child.once("exit", (code) => reject(new Error(`collab server exited ${code}`)));
  });
  const server = { url: `http://127.0.0.1:${p}`, child, databasePath };
  servers.push(server);
  return server;
}

function client(server: TestServer, token: string): CollabClientSocket {
  const socket: CollabClientSocket = connect(`${server.url}/collab`, {
    transports: ["websocket"],
    forceNew: true,
    auth: { token },
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
  sockets.push(socket);
  return socket;
}

async function joinDraft(server: TestServer, token: string, docName = "draft/demo") {
  const doc = new Y.Doc();
  const provider = new SocketIoYjsProvider(client(server, token), docName, doc);
  await provider.whenSynced();
  return { doc, provider };
}

const text = (doc: Y.Doc) => readWorkingDraft(doc).map((b) => b.text);

async function until(check: () => boolean, what: string, timeout = 90_000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Types into the text of block `index`, as an editor would. */
function typeInto(doc: Y.Doc, index: number, at: number, s: string) {
  const block = doc.getXmlFragment("prosemirror").get(index) as Y.XmlElement;
  (block.get(0) as Y.XmlText).insert(at, s);
}

afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  for (const s of servers.splice(0)) {
    if (s.child.exitCode === null && s.child.signalCode === null) {
      s.child.kill("SIGTERM");
      await new Promise((r) => s.child.once("exit", r));
    }
  }
});

describe("co-editing over socket.io", () => {
  it("starts a working draft from its outline and lets two writers converge", async () => {
    const server = await startCollab();
    const a = await joinDraft(server, "write:alice");
    const b = await joinDraft(server, "write:bob");
    expect(a.provider.status.writable).toBe(true);
    expect(text(a.doc)).toEqual(["First paragraph.", "Second paragraph."]);

    typeInto(a.doc, 0, 0, "Alice: ");
    typeInto(b.doc, 1, 0, "Bob: ");
    await until(() => text(a.doc)[1] === "Bob: Second paragraph." && text(b.doc)[0] === "Alice: First paragraph.", "convergence");
    expect(readWorkingDraft(a.doc)).toEqual(readWorkingDraft(b.doc));
    expect(readWorkingDraft(a.doc).map((blk) => blk.nodeId)).toEqual(["n1", "n2"]);
  });

  it("20 clients typing at once converge to identical content", async () => {
    const server = await startCollab();
    const clients = await Promise.all(Array.from({ length: 20 }, (_, i) => joinDraft(server, `write:user-${i}`)));
    await Promise.all(
      clients.map(async (c, i) => {
        for (let k = 0; k < 10; k++) {
          typeInto(c.doc, i % 2, 0, `${i}.${k} `);
          await new Promise((r) => setTimeout(r, Math.random() * 10));
        }
      }),
    );
    const expectedLength = "First paragraph.".length + "Second paragraph.".length +
      clients.reduce((n, _, i) => n + Array.from({ length: 10 }, (_, k) => `${i}.${k} `.length).reduce((a, b) => a + b, 0), 0);
    await until(() => clients.every((c) => text(c.doc).join("").length === expectedLength), "all 20 clients to converge");
    const reference = JSON.stringify(readWorkingDraft(clients[0]!.doc));
    for (const c of clients) expect(JSON.stringify(readWorkingDraft(c.doc))).toBe(reference);
  });

  it("lets a reader follow along but never applies or relays what it sends", async () => {
    const server = await startCollab();
    const writer = await joinDraft(server, "write:alice");
    const reader = await joinDraft(server, "read:bob");
    expect(reader.provider.status.writable).toBe(false);
    const errors: string[] = [];
    reader.provider.onServerError((m) => errors.push(m));

    // The reader's own edit stays local: the provider does not send it...
    typeInto(reader.doc, 0, 0, "HACKED ");
    // ...and a hand-crafted update sent anyway is refused with an error.
    const rogue = new Y.Doc();
    Y.applyUpdate(rogue, Y.encodeStateAsUpdate(writer.doc));
    let rogueUpdate: Uint8Array | undefined;
    rogue.on("update", (u: Uint8Array) => (rogueUpdate = u));
    typeInto(rogue, 1, 0, "ROGUE ");
    reader.provider.socket.emit("yjs", "draft/demo", encodeUpdate(rogueUpdate!));
    await until(() => errors.some((e) => e.includes("read-only")), "the read-only error");

    typeInto(writer.doc, 0, 0, "Edited: ");
    await until(() => text(reader.doc)[0]!.includes("Edited: "), "the reader to receive the writer's edit");
    await new Promise((r) => setTimeout(r, 200));
    expect(text(writer.doc)).toEqual(["Edited: First paragraph.", "Second paragraph."]);
  });

  it("answers bad input with an error event and keeps serving everyone else", async () => {
    const server = await startCollab();
    const good = await joinDraft(server, "write:alice");
    const socket = client(server, "write:mallory");
    const errors: string[] = [];
    socket.on("error", (m) => errors.push(m));
    await new Promise<void>((r) => socket.once("connect", () => r()));

    expect(await socket.emitWithAck("join", "draft/missing")).toEqual({ ok: false, error: "unknown document" });
    expect(await socket.emitWithAck("join", "secret/other")).toEqual({ ok: false, error: "no such document" });
    expect(await socket.emitWithAck("join", 42 as unknown as string)).toEqual({ ok: false, error: "invalid document name" });
    socket.emit("yjs", "draft/demo", new Uint8Array([0, 2, 1])); // not joined yet
    expect(await socket.emitWithAck("join", "draft/demo")).toEqual({ ok: true, writable: true });
    socket.emit("yjs", "draft/demo", new Uint8Array([7, 7, 7])); // unknown message type
    socket.emit("yjs", "draft/demo", new Uint8Array([0, 2, 200, 1, 2])); // truncated update
    socket.emit("yjs", "draft/demo", "not binary" as unknown as Uint8Array);
    socket.emit("yjs", "draft/demo", new Uint8Array(1_200_000)); // over the 1 MB limit
    // The oversized message is the slowest to arrive; wait for it rather than for a count.
    await until(() => errors.some((e) => e.includes("exceeds the limit")), "the oversized-message error");
    expect(errors.join("\n")).toMatch(/join the document first/);
    expect(errors.join("\n")).toMatch(/malformed message/);
    expect(errors.join("\n")).toMatch(/must be binary/);
    expect(errors.join("\n")).toMatch(/exceeds the limit of 1000000/);

    typeInto(good.doc, 0, 0, "Still fine. ");
    const other = await joinDraft(server, "write:carol");
    expect(text(other.doc)[0]).toBe("Still fine. First paragraph.");
  });

  it("speaks to a third-party client on a bare WebSocket that asks for one binary message per yjs event", async () => {
    const server = await startCollab();
    const alice = await joinDraft(server, "write:alice");
    // What docs/realtime-protocol.md tells a third-party client to do, without socket.io-client.
    const ws = new WebSocket(`${server.url.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket&encoding=single-frame`);
    const texts: string[] = [];
    const yjsMessages: Uint8Array[] = [];
    const headers: string[] = [];
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return void texts.push(data.toString());
      const end = data.indexOf(0);
      headers.push(data.subarray(0, end).toString());
      yjsMessages.push(new Uint8Array(data.subarray(end + 1)));
    });
    await until(() => texts.some((t) => t.startsWith("0{")), "the engine.io open packet");
    ws.send('40/collab,{"token":"write:carol"}');
    await until(() => texts.some((t) => t.startsWith("40/collab,")), "the namespace connect");
    ws.send('42/collab,1["join","draft/demo"]');
    await until(() => texts.includes('43/collab,1[{"ok":true,"writable":true}]'), "the join acknowledgement");
    await until(() => yjsMessages.length >= 2, "sync step 1 and 2");
    expect(new Set(headers)).toEqual(new Set(['51-/collab,["yjs","draft/demo",{"_placeholder":true,"num":0}]']));

    const carol = new Y.Doc();
    for (const message of yjsMessages) {
      const frame = decodeFrame(message);
      if (frame.type === "sync" && frame.step !== SYNC_STEP_1) Y.applyUpdate(carol, frame.update);
    }
    expect(text(carol)).toEqual(["First paragraph.", "Second paragraph."]);
    // Carol's edit, sent as one binary message, reaches Alice.
    carol.on("update", (update: Uint8Array) => {
      const header = Buffer.from('51-/collab,["yjs","draft/demo",{"_placeholder":true,"num":0}]');
      ws.send(Buffer.concat([header, Buffer.from([0]), encodeUpdate(update)]));
    });
    typeInto(carol, 0, 0, "Carol: ");
    await until(() => text(alice.doc)[0] === "Carol: First paragraph.", "Alice to receive Carol's edit");
    ws.close();
  });

  it("relays binary events over HTTP long-polling too (the fallback transport)", async () => {
    const server = await startCollab();
    const alice = await joinDraft(server, "write:alice");
    const socket: CollabClientSocket = connect(`${server.url}/collab`, {
      transports: ["polling"],
      parser: singleFrameParser,
      query: { encoding: "single-frame" },
      forceNew: true,
      auth: { token: "write:bob" },
    });
    sockets.push(socket);
    const bob = new Y.Doc();
    await new SocketIoYjsProvider(socket, "draft/demo", bob).whenSynced();
    typeInto(bob, 1, 0, "Bob: ");
    typeInto(alice.doc, 0, 0, "Alice: ");
    await until(() => text(alice.doc)[1] === "Bob: Second paragraph." && text(bob)[0] === "Alice: First paragraph.", "convergence");
  });

  it("refuses an unauthenticated connection", async () => {
    const server = await startCollab();
    const socket = client(server, "nobody");
    const error = await new Promise<Error>((r) => socket.once("connect_error", r));
    expect(error.message).toMatch(/unauthenticated/);
  });

  it("loses nothing that was broadcast when the server is killed with SIGKILL and restarted", async () => {
    const databasePath = freshDatabasePath();
    const port = await freePort();
    let server = await startCollab(databasePath, port);
    const writer = await joinDraft(server, "write:alice");
    const watcher = await joinDraft(server, "read:bob");
    for (let i = 0; i < 30; i++) typeInto(writer.doc, 0, 0, `${i} `);
    await until(() => text(watcher.doc)[0]!.startsWith("29 "), "the watcher to see every edit");
    const seen = text(watcher.doc);

    server.child.kill("SIGKILL");
    await new Promise((r) => server.child.once("exit", r));
    // An edit made while the server is down stays local and merges after the restart.
    typeInto(writer.doc, 1, 0, "offline ");
    server = await startCollab(databasePath, port);
    await until(() => writer.provider.status.synced, "the writer to resync");
    const fresh = await joinDraft(server, "read:carol");
    await until(() => text(fresh.doc)[1] === "offline Second paragraph.", "the offline edit to merge");
    expect(text(fresh.doc)[0]).toBe(seen[0]);
  });
});
