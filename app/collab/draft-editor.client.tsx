/**
 * The expert group's editor of the working draft: ProseMirror bound to the shared Yjs document by
 * y-prosemirror (remote cursors, per-user undo), synchronised over socket.io by
 * SocketIoYjsProvider. Browser only: the page renders the draft read-only without it.
 */
import { baseKeymap, chainCommands, joinBackward } from "prosemirror-commands";
import { keymap } from "prosemirror-keymap";
import { EditorState, type Command } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { useEffect, useRef, useState } from "react";
import { initProseMirrorDoc, redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from "y-prosemirror";
import { WORKING_DRAFT_FRAGMENT } from "../drafts/working-draft";
import { useT } from "../i18n/i18n-context";
import type { MessageKey } from "../i18n/messages.en";
import type { ProviderStatus } from "../../realtime/collab/socket-provider";
import { safeAwarenessUser, type AwarenessUser } from "../../realtime/collab/awareness-state";
import { openCollabSession, type CollabParticipant } from "./collab-session.client";
import { indentBlock, labelDecorations, moveBlock, setBlockKind, splitParagraph, uniqueNodeIds } from "./outline-commands";
import { BLOCK_KINDS, outlineSchema, type BlockKind } from "./outline-schema";
import { passageDecorations, type EditorPassage } from "./passage-decorations";

export interface EditorUser {
  name: string;
  role: string;
  region: string | null;
  color: string;
}

export function DraftEditor({
  docName,
  user,
  labelledBy,
  passages = [],
  children,
}: {
  docName: string;
  user: EditorUser;
  labelledBy: string;
  /** Passage comments to mark in the text, following their words. */
  passages?: EditorPassage[];
  /** What shows until the working draft has arrived from the server (the draft as read-only text). */
  children?: React.ReactNode;
}) {
  const t = useT();
  const mount = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [status, setStatus] = useState<ProviderStatus>({ connected: false, synced: false, writable: false });
  const [serverError, setServerError] = useState<string | null>(null);
  const [participants, setParticipants] = useState<CollabParticipant[]>([]);
  const [currentKind, setCurrentKind] = useState<BlockKind>("paragraph");
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const { doc, provider, close } = openCollabSession(docName, user, {
      status: (s) => {
        setStatus({ ...s });
        viewRef.current?.setProps({ editable: () => s.writable });
      },
      error: setServerError,
      participants: setParticipants,
    });

    // The editor starts from the document as the server has it, never before: an editor started
    // empty fills itself with one empty block, which the sync plugin would write into the shared
    // draft, where it merges with the real outline as an extra paragraph (numbered "1" when it
    // lands first, shifting every label after it by one).
    const fragment = doc.getXmlFragment(WORKING_DRAFT_FRAGMENT);
    let cancelled = false;
    const createView = () => {
      if (cancelled || viewRef.current) return;
      const { doc: initialDoc, mapping } = initProseMirrorDoc(fragment, outlineSchema);
      viewRef.current = new EditorView(mount.current!, {
        state: EditorState.create({
          schema: outlineSchema,
          doc: initialDoc,
          plugins: [
            ySyncPlugin(fragment, { mapping }),
            yCursorPlugin(provider.awareness, { cursorBuilder: remoteCursor, selectionBuilder: remoteSelection }),
            yUndoPlugin(),
            keymap({
              "Mod-z": undo,
              "Mod-y": redo,
              "Mod-Shift-z": redo,
              Enter: splitParagraph,
              Backspace: chainCommands(joinBackward, baseKeymap.Backspace!),
              "Alt-ArrowUp": moveBlock(-1),
              "Alt-ArrowDown": moveBlock(1),
              Tab: indentBlock(1),
              "Shift-Tab": indentBlock(-1),
            }),
            keymap(baseKeymap),
            uniqueNodeIds,
            labelDecorations,
            passageDecorations(doc, fragment, passages),
          ],
        }),
        editable: () => provider.status.writable,
        attributes: {
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": labelledBy,
          "aria-describedby": "editor-help",
          class: "outline-editor__surface",
        },
        // `this`, not `view`: the sync plugin dispatches while the view is still being constructed.
        dispatchTransaction(this: EditorView, tr) {
          const next = this.state.apply(tr);
          this.updateState(next);
          setCurrentKind(next.selection.$from.parent.attrs.kind as BlockKind);
        },
      });
      setReady(true);
    };
    // Once synced, the document stays in the browser: edits made offline later merge on reconnect.
    provider.whenSynced().then(createView, () => {
      // A refused join: the server's message is shown (onServerError), the draft stays as text.
    });

    return () => {
      cancelled = true;
      viewRef.current?.destroy();
      viewRef.current = null;
      close();
    };
    // The user's identity does not change while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docName]);

  const run = (command: Command) => {
    const view = viewRef.current;
    if (!view) return;
    command(view.state, view.dispatch);
    view.focus();
  };

  const statusKey: MessageKey = !status.connected
    ? "editor.status.offline"
    : !status.synced
      ? "editor.status.connecting"
      : status.writable
        ? "editor.status.editing"
        : "editor.status.readOnly";

  return (
    <div className="outline-editor">
      <div className="outline-editor__bar">
        <CollabStatusLine statusKey={statusKey} serverError={serverError} />
        {status.writable ? (
          <div className="outline-editor__tools" role="toolbar" aria-label={t("editor.tools")}>
            <label>
              {t("editor.kind")}{" "}
              <select value={currentKind} onChange={(e) => run(setBlockKind(e.target.value as BlockKind))}>
                {BLOCK_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => run(moveBlock(-1))}>
              {t("editor.moveUp")}
            </button>
            <button type="button" onClick={() => run(moveBlock(1))}>
              {t("editor.moveDown")}
            </button>
            <button type="button" onClick={() => run(indentBlock(1))}>
              {t("editor.indent")}
            </button>
            <button type="button" onClick={() => run(indentBlock(-1))}>
              {t("editor.outdent")}
            </button>
          </div>
        ) : null}
      </div>
      <div className="outline-editor__layout">
        <div className="outline-editor__document">
          {ready ? null : children}
          <div ref={mount} />
        </div>
        <aside className="outline-editor__presence" aria-labelledby="presence-title">
          <h2 id="presence-title">{t("editor.presence", { count: participants.length })}</h2>
          <ul>
            {participants.map((p) => (
              <li key={p.clientId}>
                <span className="presence-swatch" style={{ background: p.color }} aria-hidden="true" />
                <span className="presence-name">{p.self ? t("editor.you", { name: p.name }) : p.name}</span>
                <span className="presence-meta">{[t(`role.${p.role}` as MessageKey), p.region ? t(`region.${p.region}` as MessageKey) : null].filter(Boolean).join(" · ")}</span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
      <p id="editor-help" className="outline-editor__help">
        {t("editor.help")}
      </p>
    </div>
  );
}

const NEUTRAL_COLOUR = "#595959";

/**
 * Another editor's cursor, built from what their client sent: the name as text, the colour only
 * if it is a `#rrggbb` colour (y-prosemirror's default builder writes it into a style attribute
 * as it comes, a CSS injection).
 */
export function remoteCursor(received: unknown): HTMLElement {
  const user: Partial<AwarenessUser> = safeAwarenessUser(received) ?? {};
  const colour = user.color ?? NEUTRAL_COLOUR;
  const cursor = document.createElement("span");
  cursor.classList.add("ProseMirror-yjs-cursor");
  cursor.style.borderColor = colour;
  const label = document.createElement("div");
  label.style.backgroundColor = colour;
  label.textContent = user.name ?? "";
  cursor.append("\u2060", label, "\u2060");
  return cursor;
}

export function remoteSelection(received: unknown) {
  const colour = safeAwarenessUser(received)?.color ?? NEUTRAL_COLOUR;
  return { style: `background-color: ${colour}70`, class: "ProseMirror-yjs-selection" };
}

/** Where a shared document's connection stands, announced politely, and the server's refusal, at once. */
export function CollabStatusLine({ statusKey, serverError }: { statusKey: MessageKey; serverError: string | null }) {
  const t = useT();
  return (
    <>
      <p className="outline-editor__status" role="status" data-state={statusKey}>
        {t(statusKey)}
      </p>
      {serverError ? (
        <p className="outline-editor__error" role="alert">
          {t("editor.serverError", { message: serverError })}
        </p>
      ) : null}
    </>
  );
}
