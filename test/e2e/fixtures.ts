import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { startServer, type RunningServer } from "../support/start-server";

/**
 * Every test gets its own server process and its own freshly seeded database, and the page's
 * baseURL points at it.
 */
export const test = base.extend<{ server: RunningServer }>({
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await server.stop();
  },
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
});

export { expect };

/** Runs axe-core against WCAG 2.1 A/AA rules and fails with the violations listed. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary).toEqual([]);
}

/**
 * Resolves once the page's live connection is up: the server acknowledged its `watch` of the
 * consultation (a socket.io ack packet, "43<id>[…]"). Start waiting before the navigation, then
 * await it before the event the page should show live.
 */
export function liveConnectionAcknowledged(page: Page) {
  return page
    .waitForEvent("websocket")
    .then((socket) => socket.waitForEvent("framereceived", { predicate: (frame) => /^43\d/.test(String(frame.payload)) }));
}

export const DEMO_PASSWORD = "redraft-demo-2026";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in and waits until the session is there. */
export async function signInAs(page: Page, email: string, password = DEMO_PASSWORD) {
  await signIn(page, email, password);
  await expect(page.getByRole("link", { name: "My account" })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}

