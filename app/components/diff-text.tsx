import type { DiffPart } from "~/drafts/word-diff";
import { useT } from "~/i18n/i18n-context";

/**
 * A word-level difference. <ins> and <del> carry the meaning visually; screen readers do not
 * announce them, so each change also says "inserted:"/"deleted:" in text only they read.
 */
export function DiffText({ parts, show = "both" }: { parts: DiffPart[]; show?: "both" | "before" | "after" }) {
  const t = useT();
  return (
    <>
      {parts.map((part, i) => {
        if (part.kind === "same") return <span key={i}>{part.text}</span>;
        if (part.kind === "insert" && show !== "before") {
          return (
            <ins key={i}>
              <span className="visually-hidden">{t("diff.inserted")}</span>
              {part.text}
              <span className="visually-hidden">{t("diff.end")}</span>
            </ins>
          );
        }
        if (part.kind === "delete" && show !== "after") {
          return (
            <del key={i}>
              <span className="visually-hidden">{t("diff.deleted")}</span>
              {part.text}
              <span className="visually-hidden">{t("diff.end")}</span>
            </del>
          );
        }
        return null;
      })}
    </>
  );
}
