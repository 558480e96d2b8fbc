import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./http/nonce";
import "./i18n/catalogs.server";

/** How long deferred data may stream before the render gives up (single fetch reads this export). */
export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  // Bots and no-JS readers get the whole document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Aborts a render still waiting on deferred data; cleared once everything is rendered, since
    // the pending timer keeps the whole render (the page and its loader data: a megabyte for the
    // analysis page) in memory for its full delay, on every request.
    let timeout: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    const respond = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(
        new Response(createReadableStreamFromReadable(body), {
          headers: responseHeaders,
          status: responseStatusCode,
        }),
      );
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          if (!waitForAll) respond();
        },
        onAllReady() {
          settled = true;
          clearTimeout(timeout);
          if (waitForAll) respond();
        },
        onShellError(error: unknown) {
          settled = true;
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged; the reader never sees a stack trace.
          if (shellRendered) console.error(error);
        },
      },
    );
    // Let React flush its rejection of pending boundaries before aborting the stream.
    if (!settled) timeout = setTimeout(abort, streamTimeout + 1000);
  });
}
