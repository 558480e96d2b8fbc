/**
 * Co-authors write a joint submission together: two small ProseMirror editors (the explanation
 * and, for an amendment, the proposed wording) bound by y-prosemirror to the fragments of one Yjs
 * document `joint/<id>`, with remote cursors, over the same socket.io provider as the expert
 * group's editor. Browser only: without JavaScript the page is a plain form.
 */
import { baseKeymap } from "prosemirror-commands";
import { keymap } from "prosemirror-keymap";
import { Schema } from "prosemirror-model";
import { EditorState } from "prosemirror-state";
import { EditorView } from "prosemirror-view";
import { useEffect, useRef, useState } from "react";
import { initProseMirrorDoc, redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from "y-prosemirror";
import { useT } from "../i18n/i18n-context";
import type { MessageKey } from "../i18n/messages.en";
import type { ProviderStatus } from "../../realtime/collab/socket-provider";
import { openCollabSession, type CollabParticipant } from "../collab/collab-session.client";
import type { AwarenessUser } from "../../realtime/collab/awareness-state";
import { CollabStatusLine, remoteCursor, remoteSelection } from "../collab/draft-editor.client";
import { countryByCode } from "../accounts/countries";
import { JOINT_BODY_FRAGMENT, JOINT_PARAGRAPH, JOINT_PROPOSED_FRAGMENT } from "./joint-text";

/** Lines of plain text: what a comment is. */
const jointSchema = new Schema({
  nodes: {
    doc: { content: `${JOINT_PARAGRAPH}+` },
    [JOINT_PARAGRAPH]: { content: "text*", toDOM: () => ["p", { dir: "auto" }, 0], parseDOM: [{ tag: "p" }] },
    text: {},
  },
});

export interface JointEditorField {
  fragment: typeof JOINT_BODY_FRAGMENT | typeof JOINT_PROPOSED_FRAGMENT;
  /** The id of the visible label naming this field. */
  labelledBy: string;
}

export function JointEditor({
  docName,
  user,
  fields,
  onSynced,
  children,
}: {
  docName: string;
  user: AwarenessUser;
  fields: JointEditorField[];
  /** Told once the live document is here: the page then hides the plain form's save button. */
  onSynced?: (writable: boolean) => void;
  /** The plain form, shown until the live document has arrived (or if the server refuses it). */
  children?: React.ReactNode;
}) {
  const t = useT();
  const mounts = useRef<(HTMLDivElement | null)[]>([]);
  const [status, setStatus] = useState<ProviderStatus>({ connected: false, synced: false, writable: false });
  const [serverError, setServerError] = useState<string | null>(null);
  const [participants, setParticipants] = useState<CollabParticipant[]>([]);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const views: EditorView[] = [];
    const { doc, provider, close } = openCollabSession(docName, user, {
      status: (s) => {
        setStatus({ ...s });
        for (const view of views) view.setProps({ editable: () => s.writable });
      },
      error: setServerError,
      participants: setParticipants,
    });

    let cancelled = false;
    // As in the expert group's editor: the views start from the server's document, never empty.
    provider.whenSynced().then(
      (synced) => {
        if (cancelled) return;
        fields.forEach((field, i) => {
          const fragment = doc.getXmlFragment(field.fragment);
          const { doc: initialDoc, mapping } = initProseMirrorDoc(fragment, jointSchema);
          views.push(
            new EditorView(mounts.current[i]!, {
              state: EditorState.create({
                schema: jointSchema,
                doc: initialDoc,
                plugins: [
                  ySyncPlugin(fragment, { mapping }),
                  // One "cursor" field for both editors: each shows only the cursors inside its own fragment.
                  yCursorPlugin(provider.awareness, { cursorBuilder: remoteCursor, selectionBuilder: remoteSelection }),
                  yUndoPlugin(),
                  keymap({ "Mod-z": undo, "Mod-y": redo, "Mod-Shift-z": redo }),
                  keymap(baseKeymap),
                ],
              }),
              editable: () => provider.status.writable,
              attributes: { role: "textbox", "aria-multiline": "true", "aria-labelledby": field.labelledBy, class: "joint-editor__surface" },
            }),
          );
        });
        setReady(true);
        onSynced?.(synced.writable);
      },
      () => {
        // Refused: the server's message shows and the plain form stays.
      },
    );
    return () => {
      cancelled = true;
      for (const view of views) view.destroy();
      close();
    };
    // The user and the fields do not change while the page is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [docName]);

  const statusKey: MessageKey = !status.connected
    ? "editor.status.offline"
    : !status.synced
      ? "editor.status.connecting"
      : status.writable
        ? "joint.editor.editing"
        : "joint.editor.readOnly";

  return (
    <div className="joint-editor">
      <CollabStatusLine statusKey={statusKey} serverError={serverError} />
      <div className="outline-editor__layout">
        <div>
          {ready ? null : children}
          {fields.map((field, i) => (
            <div key={field.fragment} className="joint-editor__field" hidden={!ready}>
              <p className="joint-editor__label" id={field.labelledBy}>
                {t(field.fragment === JOINT_BODY_FRAGMENT ? "joint.body" : "joint.proposedText")}
              </p>
              <div ref={(el) => void (mounts.current[i] = el)} />
            </div>
          ))}
        </div>
        <aside className="outline-editor__presence" aria-labelledby="joint-presence-title">
          <h2 id="joint-presence-title">{t("editor.presence", { count: participants.length })}</h2>
          <ul>
            {participants.map((p) => (
              <li key={p.clientId}>
                <span className="presence-swatch" style={{ background: p.color }} aria-hidden="true" />
                <span className="presence-name">{p.self ? t("editor.you", { name: p.name }) : p.name}</span>
                <span className="presence-meta">{[p.organisation, p.country ? (countryByCode(p.country)?.name ?? p.country) : null].filter(Boolean).join(" · ")}</span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </div>
  );
}
