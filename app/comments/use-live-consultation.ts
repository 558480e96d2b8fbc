import { useRevalidator } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { io, type Socket } from "socket.io-client";
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
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({ withCredentials: true, transports: ["websocket", "polling"], parser: singleFrameParser });
    let pending: ReturnType<typeof setTimeout> | undefined;
    const watch = () => socket.emit("watch", slug, () => undefined);
    socket.on("connect", watch);
    socket.on("consultationChanged", (change) => {
      if (change.slug !== slug) return;
      // Bursts (a busy discussion) become one refresh.
      clearTimeout(pending);
      pending = setTimeout(() => revalidate.current(), 150);
    });
    return () => {
      clearTimeout(pending);
      socket.disconnect();
    };
  }, [slug]);
}
