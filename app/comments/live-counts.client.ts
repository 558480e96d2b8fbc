/**
 * Live comment counts on the full draft page, without React (the page is plain HTML: decision
 * 011). Loaded as a module only on that page (the browser module of routes/c.$slug.discussion.tsx).
 *
 * It watches the consultation over socket.io like the hydrated pages (use-live-consultation.ts).
 * A comment event carries the paragraph's public counts (decision 026): the script writes the
 * paragraph's discussion (count, link, stance bar) itself with the words the page gave it, and
 * asks the server nothing — 500 readers asking at once used to keep the counts seconds stale.
 * When the event has no counts (a bulk import, a reconnection after a gap) or the counts are
 * filtered by language, it asks /c/:slug/discussion for the discussion rendered by the server.
 * Either way it refreshes the highlight of every discussed paragraph and says what changed once
 * in the page's polite live region (not one announcement per paragraph).
 */
import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, PublicCounts, ServerToClientEvents, WatchReply } from "../../realtime/protocol";
import type { DraftDiscussionUpdate } from "./draft-discussion.server";
import { nodeAnchor } from "../drafts/outline";
import { discussionMarkup, onParagraphText, type LiveWords } from "./live-counts-markup";

const draft = typeof document === "undefined" ? null : document.querySelector<HTMLElement>("[data-live-counts]");
if (draft) followCounts(draft);

function followCounts(draft: HTMLElement) {
  const slug = draft.dataset.liveCounts!;
  const source = new URL(draft.dataset.liveSource!, location.href);
  const status = document.getElementById(draft.dataset.liveStatus ?? "");
  // Counts filtered by the comments' language are not the event's (all languages): those ask.
  const words: LiveWords | null = draft.dataset.liveWords && !source.searchParams.has("language") ? (JSON.parse(draft.dataset.liveWords) as LiveWords) : null;

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
    if (changed) announce(update.announcement);
  }

  function announce(message: string) {
    if (!status) return;
    // The same words twice in a row are announced again only if the region changes in between.
    status.textContent = "";
    requestAnimationFrame(() => (status.textContent = message));
  }

  /** A paragraph's new counts from the event itself: written here, highlights recomputed, nothing fetched. */
  function applyCounts(nodeId: string, label: string | null, counts: PublicCounts) {
    const node = label === null ? null : document.getElementById(nodeAnchor({ nodeId, label }));
    const body = node?.querySelector(".draft-node__body");
    const permalink = node?.querySelector<HTMLAnchorElement>("a.draft-node__label");
    if (label === null || !node || !body || !permalink || !words) return false;
    const html = discussionMarkup(words, `${permalink.getAttribute("href")}#comments-title`, label, counts);
    const current = body.querySelector(".draft-node__discussion");
    if (html === null) current?.remove();
    else {
      const template = document.createElement("template");
      template.innerHTML = html;
      if (current) current.replaceWith(template.content);
      else body.append(template.content);
    }
    node.classList.toggle("draft-node--discussed", html !== null);
    // Each paragraph's highlight is its share of the most discussed one's count.
    const discussed = [...draft.querySelectorAll<HTMLElement>(".draft-node--discussed")];
    const totals = discussed.map((el) => Number(el.querySelector<HTMLElement>(".draft-node__discussion")?.dataset.total ?? 0));
    const most = Math.max(1, ...totals);
    discussed.forEach((el, i) => el.style.setProperty("--heat", String(totals[i]! / most)));
    announce(onParagraphText(words, counts.total, label));
    return true;
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
    if (change.kind !== "comment") return;
    if (change.nodeId !== null && change.counts && change.label !== undefined && applyCounts(change.nodeId, change.label, change.counts)) return;
    refresh(change.nodeId);
  });
}
