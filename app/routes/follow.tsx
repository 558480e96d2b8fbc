import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { submitFollow } from "~/notifications/notification-pages.server";

export function loader() {
  return redirect("/notifications");
}

export function action({ request, context }: ActionFunctionArgs) {
  return submitFollow(request, context);
}
