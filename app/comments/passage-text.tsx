import { useEffect, useState, type RefObject } from "react";
import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import type { PassageNote, TextPiece } from "./passage-highlights";

/** The passage chosen for a comment: offsets into the paragraph's stored text, and its words. */
export interface ChosenPassage {
  start: number;
  end: number;
  quote: string;
}

/**
 * The paragraph text with its commented passages marked. A highlight takes the keyboard focus;
 * hovering or focusing it shows its comments (Escape hides them again), and without scripts the
 * marks and their pop-overs work the same through CSS.
 */
export function PassageText({
  pieces,
  notes,
  language,
  containerRef,
}: {
  pieces: TextPiece[][];
  notes: Record<number, PassageNote>;
  language: string;
  containerRef?: RefObject<HTMLDivElement>;
}) {
  const t = useT();
  const [dismissed, setDismissed] = useState<number | null>(null);
  useEffect(() => {
    // Escape hides the pop-over under the pointer or the keyboard focus (WCAG 1.4.13): listened for
    // on the document, since a pointer hovering a mark does not give it the keys.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const open = document.querySelector<HTMLElement>(".passage:focus-within, .passage:hover");
      if (open?.dataset.start) setDismissed(Number(open.dataset.start));
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div lang={language} ref={containerRef} className="passage-text">
      {pieces.map((paragraph, i) => (
        <p key={i} className="paragraph-page__text" dir="auto" data-start={paragraph[0]?.start ?? 0}>
          {paragraph.map((piece) =>
            piece.commentIds.length === 0 ? (
              <span key={piece.start}>{piece.text}</span>
            ) : (
              <span
                key={piece.start}
                data-start={piece.start}
                className={`passage${dismissed === piece.start ? " passage--dismissed" : ""}`}
                // Shown again when the reader comes back: focus leaving, or the pointer entering the mark.
                onBlur={(e) => {
                  if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDismissed(null);
                }}
              >
                <mark
                  id={`passage-${piece.start}`}
                  className={`passage__mark${piece.commentIds.length > 1 ? " passage__mark--several" : ""}`}
                  tabIndex={0}
                  aria-describedby={`passage-${piece.start}-comments`}
                  onMouseEnter={() => setDismissed((d) => (d === piece.start ? null : d))}
                >
                  {piece.text}
                </mark>
                <span className="passage__popover" id={`passage-${piece.start}-comments`} data-passage-ui="">
                  <span className="passage__popover-title">{t("passage.comments", { count: piece.commentIds.length })}</span>
                  {piece.commentIds.map((id) => {
                    const note = notes[id];
                    if (!note) return null;
                    return (
                      <span key={id} className="passage__note">
                        <a href={`#comment-${id}`}>
                          {note.author}
                          {note.stance ? ` · ${t(`stance.${note.stance}` as MessageKey)}` : ""}
                        </a>
                        <span dir="auto"> {note.excerpt}</span>
                      </span>
                    );
                  })}
                </span>
              </span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}

/** The offset in the paragraph's text of a point of the page, or null outside the text. */
function textOffset(container: HTMLElement, node: Node, offset: number): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>("p[data-start]");
  if (!paragraph || !container.contains(paragraph) || element?.closest("[data-passage-ui]")) return null;
  const upTo = document.createRange();
  upTo.setStart(paragraph, 0);
  upTo.setEnd(node, offset);
  let count = 0;
  // The pop-overs' words are not the paragraph's: only the text outside them counts.
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest("[data-passage-ui]") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
    if (!upTo.intersectsNode(text)) continue;
    count += text === upTo.endContainer ? upTo.endOffset : text === upTo.startContainer ? text.length - upTo.startOffset : text.length;
  }
  return Number(paragraph.dataset.start) + count;
}

/** The reader's current selection as a passage of the text, if it lies inside it. */
export function selectedPassage(container: HTMLElement | null, text: string): ChosenPassage | null {
  const selection = typeof window === "undefined" ? null : window.getSelection();
  if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const start = textOffset(container, range.startContainer, range.startOffset);
  const end = textOffset(container, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  const quote = text.slice(start, end).trim();
  return quote === "" ? null : { start, end, quote };
}

/**
 * "Comment on the selected words": shown once scripts run (passages need them), enabled while
 * words of the paragraph are selected — with the mouse, or with the keyboard (Shift + arrows in
 * caret browsing).
 */
export function PassagePicker({
  containerRef,
  text,
  onPick,
}: {
  containerRef: RefObject<HTMLDivElement>;
  text: string;
  onPick: (passage: ChosenPassage) => void;
}) {
  const t = useT();
  const [hydrated, setHydrated] = useState(false);
  const [selected, setSelected] = useState<ChosenPassage | null>(null);
  const [typedError, setTypedError] = useState(false);
  useEffect(() => {
    setHydrated(true);
    const update = () => setSelected(selectedPassage(containerRef.current, text));
    // Words selected while the page was still loading count too.
    update();
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, [containerRef, text]);
  if (!hydrated) return null;
  // Without a mouse, selecting text needs caret browsing; typing the words does the same.
  const pickTyped = (form: HTMLFormElement) => {
    const words = String(new FormData(form).get("passageWords") ?? "").trim();
    const at = words === "" ? -1 : text.indexOf(words);
    if (at === -1) {
      setTypedError(true);
      return;
    }
    setTypedError(false);
    onPick({ start: at, end: at + words.length, quote: words });
  };
  return (
    <div className="passage-picker">
      <p>
        <button
          type="button"
          disabled={!selected}
          // A mouse press on the button would otherwise clear the selection it acts on.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            if (selected) onPick(selected);
          }}
        >
          {t("passage.commentOnSelection")}
        </button>{" "}
        <span className="muted">{selected ? t("passage.selected", { quote: selected.quote }) : t("passage.howTo")}</span>
      </p>
      <form
        className="passage-picker__typed"
        onSubmit={(e) => {
          e.preventDefault();
          pickTyped(e.currentTarget);
        }}
      >
        <label htmlFor="passage-words">{t("passage.typeWords")}</label>{" "}
        <input
          id="passage-words"
          name="passageWords"
          aria-invalid={typedError || undefined}
          aria-describedby={typedError ? "passage-words-error" : undefined}
          maxLength={2000}
        />{" "}
        <button type="submit">{t("passage.useWords")}</button>
        {typedError ? (
          <span id="passage-words-error" className="field__error" role="alert">
            {t("passage.wordsNotFound")}
          </span>
        ) : null}
      </form>
    </div>
  );
}
