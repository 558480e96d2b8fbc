import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportUserData } from "~/accounts/users.server";
import { requireUser } from "~/auth/session.server";

/** Everything stored about the signed-in person, as a JSON download (right of access). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const signedIn = await requireUser(request, context.db, context.config);
  const body = JSON.stringify(exportUserData(context.db, signedIn.user.id), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="redraft-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
