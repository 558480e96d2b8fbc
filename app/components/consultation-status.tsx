import type { ConsultationStatus as Status } from "../../db/enums";
import { useT } from "../i18n/i18n-context";
import { WithTwoZones } from "./local-date";

interface Props {
  /** The state now, by the clock (app/consultations/lifecycle.ts). */
  status: Status;
  opensAt: string | null;
  closesAt: string | null;
  /** The consultation's zone, shown beside the reader's own. */
  timeZone?: string;
  /** Both dates, opening and closing, whatever the state (the secretariat's page). */
  both?: boolean;
}

/** Status badge and the date that matters for it, in the reader's zone and the consultation's. */
export function ConsultationStatus({ status, opensAt, closesAt, timeZone = "UTC", both = false }: Props) {
  const t = useT();
  if (both) return <BothDates status={status} opensAt={opensAt} closesAt={closesAt} timeZone={timeZone} />;
  let when: React.ReactNode;
  if ((status === "closed" || status === "results-published") && closesAt)
    when = <WithTwoZones message={(date) => t("consultation.closedOn", { date })} iso={closesAt} timeZone={timeZone} />;
  else if ((status === "draft" || status === "scheduled") && opensAt)
    when = <WithTwoZones message={(date) => t("consultation.opensOn", { date })} iso={opensAt} timeZone={timeZone} />;
  else if (closesAt) when = <WithTwoZones message={(date) => t("consultation.closesOn", { date })} iso={closesAt} timeZone={timeZone} />;
  else when = t("consultation.noDeadline");
  return (
    <p className="status-line">
      <span className={`status status--${status}`}>{t(`status.${status}`)}</span>
      <span className="status-line__date">{when}</span>
    </p>
  );
}

/** The status with its opening and its closing, each in the reader's zone and the consultation's. */
function BothDates({ status, opensAt, closesAt, timeZone }: Required<Omit<Props, "both">>) {
  const t = useT();
  const notYetOpen = status === "draft" || status === "scheduled";
  const closed = status === "closed" || status === "results-published";
  return (
    <p className="status-line">
      <span className={`status status--${status}`}>{t(`status.${status}`)}</span>
      {opensAt ? (
        <span className="status-line__date">
          <WithTwoZones message={(date) => t(notYetOpen ? "consultation.opensOn" : "consultation.openedOn", { date })} iso={opensAt} timeZone={timeZone} />
        </span>
      ) : null}
      <span className="status-line__date">
        {closesAt ? (
          <WithTwoZones message={(date) => t(closed ? "consultation.closedOn" : "consultation.closesOn", { date })} iso={closesAt} timeZone={timeZone} />
        ) : (
          t("consultation.noDeadline")
        )}
      </span>
    </p>
  );
}
