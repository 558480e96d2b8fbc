import { Form, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/i18n-context";

/**
 * Follow or unfollow a consultation (nodeId null) or a paragraph: a form that works without
 * scripts and returns to the page. Not shown to readers who are not signed in (following: null).
 */
export function FollowButton({ slug, nodeId, following, label }: { slug: string; nodeId: string | null; following: boolean | null; label: string }) {
  const t = useT();
  const location = useLocation();
  if (following === null) return null;
  return (
    <Form method="post" action="/follow" className="follow-form">
      <input type="hidden" name="consultation" value={slug} />
      <input type="hidden" name="nodeId" value={nodeId ?? ""} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      <button type="submit" aria-pressed={following}>
        {following ? t("follow.following", { label }) : t("follow.follow", { label })}
      </button>
    </Form>
  );
}
