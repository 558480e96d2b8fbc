import { useT } from "~/i18n/i18n-context";
import type { MessageKey } from "~/i18n/messages.en";
import type { Channel } from "../../db/enums";

/**
 * "Regional consultation · Africa regional consultation · Africa, Nairobi, 2026-03-04 · on behalf
 * of 40 people": how a comment that was not typed online reached the consultation.
 */
export function ChannelLabel({
  channel,
  meeting,
  peopleRepresented,
}: {
  channel: Channel;
  meeting: { title: string; region: string | null; location: string | null; heldOn: string } | null;
  /** Left out on the meeting's own page. */
  peopleRepresented?: number;
}) {
  const t = useT();
  if (channel === "online") return null;
  const where = meeting
    ? [meeting.region ? t(`region.${meeting.region}` as MessageKey) : null, meeting.location, meeting.heldOn].filter(Boolean).join(", ")
    : null;
  const people =
    peopleRepresented !== undefined && (meeting || peopleRepresented > 1) ? t("channel.onBehalfOf", { count: peopleRepresented }) : null;
  return <p className="comment__channel">{[t(`channel.${channel}`), meeting?.title, where, people].filter(Boolean).join(" · ")}</p>;
}
