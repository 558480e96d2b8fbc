import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "../../realtime/protocol";
import { singleFrameParser } from "../../realtime/single-frame-parser";

/**
 * With JavaScript, the page follows the consultation live: when someone comments, replies or
 * endorses, the page's data is read again (through its loader, so only what this viewer may see).
 */
export function useLiveConsultation(slug: string) {
  const revalidator = useRevalidator();
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  useEffect(() => {
    let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    // Imported here, in the browser only: the server renders these pages without ever loading the
    // socket.io client, and the page's first script stays small.
    void import("socket.io-client").then(({ io }) => {
      if (stopped) return;
      const live: Socket<ServerToClientEvents, ClientToServerEvents> = io({ withCredentials: true, transports: ["websocket", "polling"], parser: singleFrameParser });
      socket = live;
      live.on("connect", () => live.emit("watch", slug, () => undefined));
      live.on("consultationChanged", (change) => {
        if (change.slug !== slug) return;
        // Bursts (a busy discussion) become one refresh.
        clearTimeout(pending);
        pending = setTimeout(() => revalidate.current(), 150);
      });
    });
    return () => {
      stopped = true;
      clearTimeout(pending);
      socket?.disconnect();
    };
  }, [slug]);
}
