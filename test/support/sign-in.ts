import type { RunningServer } from "./start-server";

export const DEMO_PASSWORD = "redraft-demo-2026";

/** Sends the sign-in form as a browser would (same Origin, no redirect followed). */
export function postSignIn(server: Pick<RunningServer, "url">, email: string, password = DEMO_PASSWORD): Promise<Response> {
  return fetch(`${server.url}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ email, password }),
  });
}

/** Signs in through the real form and returns the session cookie ("name=value") for requests. */
export async function sessionCookie(server: Pick<RunningServer, "url">, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await postSignIn(server, email, password);
  await response.arrayBuffer();
  const cookie = response.headers.get("set-cookie");
  if (response.status !== 302 || !cookie) throw new Error(`signing in as ${email} answered ${response.status}, not a redirect with a session`);
  return cookie.split(";")[0]!;
}
