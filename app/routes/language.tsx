import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { switchLanguage } from "~/i18n/locale.server";

// Choosing a language changes state (a cookie, maybe the profile), so only a POST does it.
export function loader() {
  return redirect("/");
}

export function action({ request, context }: ActionFunctionArgs) {
  return switchLanguage(request, context);
}
