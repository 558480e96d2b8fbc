/**
 * The live text of a joint draft as a Yjs document (`joint/<id>`, decision 031): two fragments,
 * the explanation ("body") and the proposed wording ("proposed"), each a list of paragraphs in the
 * shape y-prosemirror reads (<paragraph> with its text inside). Plain TypeScript: the server fills
 * and reads it, the browser's editor binds to it.
 */
import * as Y from "yjs";

export const JOINT_BODY_FRAGMENT = "body";
export const JOINT_PROPOSED_FRAGMENT = "proposed";
export const JOINT_PARAGRAPH = "paragraph";

/** The name of a joint draft's document on the `/collab` namespace. */
export function jointDocumentName(id: number): string {
  return `joint/${id}`;
}

/** "joint/12" → 12; anything else → null. */
export function jointOfDocument(docName: string): number | null {
  const match = /^joint\/([1-9][0-9]{0,14})$/.exec(docName);
  return match ? Number(match[1]) : null;
}

export interface JointText {
  body: string;
  proposedText: string;
}

/** Line breaks as one form: the plain form sends CRLF, the editor none. */
function paragraphsOf(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return lines.length === 0 ? [""] : lines;
}

function fill(fragment: Y.XmlFragment, text: string) {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  fragment.insert(
    0,
    paragraphsOf(text).map((line) => {
      const element = new Y.XmlElement(JOINT_PARAGRAPH);
      element.insert(0, [new Y.XmlText(line)]);
      return element;
    }),
  );
}

/** Replaces the document's text (a plain-form save while nobody edits live, or its first content). */
export function writeJointText(doc: Y.Doc, text: JointText): void {
  doc.transact(() => {
    fill(doc.getXmlFragment(JOINT_BODY_FRAGMENT), text.body);
    fill(doc.getXmlFragment(JOINT_PROPOSED_FRAGMENT), text.proposedText);
  });
}

/** The initial content of a joint draft's document, as one Yjs update. */
export function jointTextUpdate(text: JointText): Uint8Array {
  const doc = new Y.Doc();
  writeJointText(doc, text);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

function read(fragment: Y.XmlFragment): string {
  return fragment
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((child) => (child instanceof Y.XmlText ? (child.toDelta() as { insert: unknown }[]).map((d) => (typeof d.insert === "string" ? d.insert : "")).join("") : ""))
            .join("")
        : node instanceof Y.XmlText
          ? node.toString()
          : "",
    )
    .join("\n");
}

/** The text as it stands in the document, trimmed as a comment would be. */
export function readJointText(doc: Y.Doc): JointText {
  return { body: read(doc.getXmlFragment(JOINT_BODY_FRAGMENT)).trim(), proposedText: read(doc.getXmlFragment(JOINT_PROPOSED_FRAGMENT)).trim() };
}

/** The text signatures are given to: what would be published (the wording counts only for an amendment). */
export function signedText(text: JointText, stance: string): string {
  return JSON.stringify([text.body.replace(/\r\n?/g, "\n").trim(), stance === "amendment" ? text.proposedText.replace(/\r\n?/g, "\n").trim() : ""]);
}
