/**
 * Live comment counts on the full draft page, without React (the page is plain HTML: decision
 * 011). Loaded as a module only on that page (the browser module of routes/c.$slug.discussion.tsx).
 *
 * It watches the consultation over socket.io like the hydrated pages (use-live-consultation.ts);
 * when a comment arrives, it asks /c/:slug/discussion for the paragraph's new discussion — count,
 * link and stance bar rendered by the server in the reader's language, with the reader's
 * permissions — swaps it in, refreshes the highlight of every discussed paragraph, and says what
 * changed once in the page's polite live region (not one announcement per paragraph).
 */
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents, WatchReply } from "../../realtime/protocol";
import type { DraftDiscussionUpdate } from "./draft-discussion.server";

const draft = typeof document === "undefined" ? null : document.querySelector<HTMLElement>("[data-live-counts]");
if (draft) followCounts(draft);

function followCounts(draft: HTMLElement) {
  const slug = draft.dataset.liveCounts!;
  const source = new URL(draft.dataset.liveSource!, location.href);
  const status = document.getElementById(draft.dataset.liveStatus ?? "");

  // Paragraphs waiting for a refresh; "all" after a bulk import or a reconnection.
  let pending: Set<string> | "all" = new Set();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = (nodeId: string | null) => {
    if (nodeId === null) pending = "all";
    else if (pending !== "all") pending.add(nodeId);
    // A burst (a busy discussion) becomes one request.
    clearTimeout(timer);
    timer = setTimeout(() => {
      const asked = pending;
      pending = new Set();
      void load(asked);
    }, 150);
  };

  // The change cursor the page was rendered with; `watch` says whether anything changed since
  // (the connection opens after the page was rendered, and again after every drop).
  let cursor = draft.dataset.liveCursor ?? null;

  async function load(asked: Set<string> | "all") {
    if (asked !== "all" && asked.size === 0) return;
    const url = new URL(source);
    if (asked !== "all" && asked.size === 1) url.searchParams.set("node", [...asked][0]!);
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.ok) apply((await response.json()) as DraftDiscussionUpdate);
    } catch {
      // Offline for a moment: the next change or reconnection refreshes everything (a cursor
      // the server never issued always counts as changed).
      cursor = "stale";
    }
  }

  function apply(update: DraftDiscussionUpdate) {
    const shown = update.complete ? [...draft.querySelectorAll<HTMLElement>(".draft-node--discussed")].map((el) => el.id) : [];
    const anchors = new Set([...Object.keys(update.paragraphs), ...shown]);
    let changed = false;
    for (const anchor of anchors) {
      const node = document.getElementById(anchor);
      const body = node?.querySelector(".draft-node__body");
      if (!node || !body) continue;
      const html = update.paragraphs[anchor] ?? null;
      const current = body.querySelector(".draft-node__discussion");
      if ((current?.outerHTML ?? null) === html) continue;
      changed = true;
      if (html === null) {
        current?.remove();
      } else {
        const template = document.createElement("template");
        template.innerHTML = html;
        if (current) current.replaceWith(template.content);
        else body.append(template.content);
      }
      node.classList.toggle("draft-node--discussed", html !== null);
    }
    for (const node of draft.querySelectorAll<HTMLElement>(".draft-node--discussed")) {
      node.style.setProperty("--heat", String(update.heat[node.id] ?? 0));
    }
    if (status && changed) {
      // The same words twice in a row are announced again only if the region changes in between.
      status.textContent = "";
      requestAnimationFrame(() => (status.textContent = update.announcement));
    }
  }

  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    withCredentials: true,
    transports: ["websocket", "polling"],
  });
  socket.on("connect", () => {
    const onReply = (reply: WatchReply) => {
      if (!reply.ok) return;
      if (reply.changed) refresh(null);
      cursor = reply.cursor;
    };
    socket.emit("watch", slug, cursor, onReply);
  });
  socket.on("consultationChanged", (change) => {
    // Replies and endorsements do not change a paragraph's count of comments.
    if (change.slug !== slug) return;
    cursor = change.cursor;
    if (change.kind === "comment") refresh(change.nodeId);
  });
}
