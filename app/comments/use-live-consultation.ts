import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents, WatchReply } from "../../realtime/protocol";

/**
 * With JavaScript, the page follows the consultation live: when someone comments, replies or
 * endorses, the page's data is read again (through its loader, so only what this viewer may see).
 * `cursor` is the change cursor the page's data was read with: a connection that opens after the
 * page was rendered, or comes back after a drop, learns from `watch` whether anything changed in
 * between and catches up at once.
 */
export function useLiveConsultation(slug: string, cursor: string | null) {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  // The latest data's cursor (a revalidation brings a new one), for the next (re)connection.
  const seen = useRef(cursor);
  seen.current = cursor;
  useEffect(() => {
    let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    // Bursts (a busy discussion) become one refresh.
    const refresh = () => {
      clearTimeout(pending);
      pending = setTimeout(() => revalidate.current(), 150);
    };
    // Imported here, in the browser only: the server renders these pages without ever loading the
    // socket.io client, and the page's first script stays small.
    void import("socket.io-client").then(({ io }) => {
      if (stopped) return;
      const live: Socket<ServerToClientEvents, ClientToServerEvents> = io({ withCredentials: true, transports: ["websocket", "polling"] });
      socket = live;
      live.on("connect", () => {
        const onReply = (reply: WatchReply) => {
          if (reply.ok && reply.changed) refresh();
        };
        live.emit("watch", slug, seen.current, onReply);
      });
      live.on("consultationChanged", (change) => {
        if (change.slug === slug) refresh();
      });
    });
    return () => {
      stopped = true;
      clearTimeout(pending);
      socket?.disconnect();
    };
  }, [slug]);
}
