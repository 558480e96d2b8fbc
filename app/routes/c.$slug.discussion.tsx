/**
 * /c/:slug/discussion — the full draft's comment counts, as JSON, for the draft page's live-counts
 * script; and, as this route's browser module, that script itself.
 *
 * The draft page sends no React runtime (the page-weight budget, decision 011), so its live counts
 * come from a small plain module. Remix's compiler builds one browser module per route, and the
 * manifest names it: the root layout loads this route's module on the draft page
 * (`handle.script`), which brings socket.io-client and nothing of React. The side-effect import
 * below is that script (and the one showing times in the reader's zone); `handle` is the browser export that makes Remix build the module.
 */
import "~/comments/live-counts.client";
import "~/components/local-times.client";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { draftDiscussionUpdate } from "~/comments/draft-discussion.server";

export const handle = { liveCountsScript: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const update = await draftDiscussionUpdate(request, context, params.slug);
  return Response.json(update, { headers: { "Cache-Control": "no-store" } });
}
