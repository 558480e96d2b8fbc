import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";

/** What the server says of a refused file: problems as message keys, translated here. */
export interface RefusedFile {
  problems: { key: string; values?: Record<string, string | number> }[];
  total: number;
}

/** Why a file was refused: every problem, each naming its row; announced and focusable. */
export function ImportProblems({ refused }: { refused: RefusedFile | null | undefined }) {
  const t = useT();
  if (!refused || refused.total === 0) return null;
  const more = refused.total - refused.problems.length;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} aria-labelledby="refused-title">
      <h2 id="refused-title">{t("import.refused.title")}</h2>
      <p>{t("import.refused", { count: refused.total })}</p>
      <ul>
        {refused.problems.map((p, i) => (
          <li key={i}>{t(p.key as MessageKey, p.values)}</li>
        ))}
      </ul>
      {more > 0 ? <p>{t("import.refused.more", { count: more })}</p> : null}
    </div>
  );
}
