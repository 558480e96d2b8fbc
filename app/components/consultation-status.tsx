import { useT } from "../i18n/i18n-context";
import { useLocalDateFormatter } from "./local-date";

interface Props {
  status: "draft" | "open" | "closed";
  opensAt: string | null;
  closesAt: string | null;
}

/** Status badge and the date that matters for it. */
export function ConsultationStatus({ status, opensAt, closesAt }: Props) {
  const t = useT();
  // Closing times are moments: the reader sees them in their own time zone.
  const date = useLocalDateFormatter(true);
  let when: string;
  if (status === "closed" && closesAt) when = t("consultation.closedOn", { date: date(closesAt) });
  else if (status === "draft" && opensAt) when = t("consultation.opensOn", { date: date(opensAt) });
  else if (closesAt) when = t("consultation.closesOn", { date: date(closesAt) });
  else when = t("consultation.noDeadline");
  return (
    <p className="status-line">
      <span className={`status status--${status}`}>{t(`status.${status}`)}</span>
      <span className="status-line__date">{when}</span>
    </p>
  );
}
