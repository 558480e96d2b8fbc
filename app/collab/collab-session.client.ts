/**
 * A browser's connection to one shared document on `/collab`, as both editors open it (the expert
 * group's working draft, a coalition's joint submission): a Yjs document synced over the stock
 * socket.io client, the user's presence, and who else is there, validated whatever they sent.
 */
import { io } from "socket.io-client";
import * as Y from "yjs";
import { safeAwarenessUser, type AwarenessUser } from "../../realtime/collab/awareness-state";
import { SocketIoYjsProvider, type CollabClientSocket, type ProviderStatus } from "../../realtime/collab/socket-provider";

export interface CollabParticipant extends AwarenessUser {
  clientId: number;
  self: boolean;
}

export interface CollabSession {
  doc: Y.Doc;
  provider: SocketIoYjsProvider;
  /** Stops listening and disconnects; the caller destroys its editor views first. */
  close(): void;
}

export function openCollabSession(
  docName: string,
  user: object,
  on: { status(status: ProviderStatus): void; error(message: string): void; participants(list: CollabParticipant[]): void },
): CollabSession {
  const doc = new Y.Doc();
  const socket: CollabClientSocket = io("/collab", { withCredentials: true, transports: ["websocket", "polling"] });
  const provider = new SocketIoYjsProvider(socket, docName, doc);
  provider.awareness.setLocalStateField("user", user);
  const offStatus = provider.onStatus(on.status);
  const offError = provider.onServerError(on.error);
  const updateParticipants = () => {
    const list: CollabParticipant[] = [];
    provider.awareness.getStates().forEach((state, clientId) => {
      // Whatever another client sent: shown only if it is a user as the schema defines one.
      const u = safeAwarenessUser((state as { user?: unknown }).user);
      if (u) list.push({ ...u, clientId, self: clientId === doc.clientID });
    });
    on.participants(list.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name)));
  };
  provider.awareness.on("change", updateParticipants);
  updateParticipants();
  return {
    doc,
    provider,
    close: () => {
      provider.awareness.off("change", updateParticipants);
      offStatus();
      offError();
      provider.destroy();
      socket.disconnect();
      doc.destroy();
    },
  };
}
