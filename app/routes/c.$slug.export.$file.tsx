import type { LoaderFunctionArgs } from "@remix-run/node";
import { download } from "~/exports/downloads.server";

/** Downloads (CSV, XLSX, open-data JSON, summary reports, revised draft): a resource route. */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return download(request, context, params.slug, params.file);
}
