import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { submitSignOut } from "~/accounts/account-forms.server";

// Signing out changes state, so only a POST does it; a GET (a link, a prefetch) just goes home.
export function loader() {
  return redirect("/");
}

export function action({ request, context }: ActionFunctionArgs) {
  return submitSignOut(request, context);
}
