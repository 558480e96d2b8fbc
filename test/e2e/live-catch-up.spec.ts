import type { Browser } from "@playwright/test";
import { expect, liveConnectionAcknowledged, signInAs, test } from "./fixtures";

const PARAGRAPH = "/c/unesco-ethics-of-ai/p/71";

/** A participant in their own browser, posting comments on paragraph 71 as the form would. */
async function commenter(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page, "participant@demo.redraft.org");
  return {
    context,
    post: async (body: string) => {
      const response = await context.request.post(`${baseURL}${PARAGRAPH}`, {
        form: { intent: "comment", stance: "question", body, submissionId: crypto.randomUUID() },
        headers: { Origin: baseURL },
        maxRedirects: 0,
      });
      expect(response.status()).toBe(302);
    },
  };
}

test("a comment posted between the page's rendering and its live connection shows without a reload", async ({ page, browser, server }) => {
  const priya = await commenter(browser, server.url);
  // The page is rendered; its live connection is held until a comment has been posted.
  let connectionAsked!: () => void;
  const asked = new Promise<void>((r) => (connectionAsked = r));
  let commentPosted!: () => void;
  const posted = new Promise<void>((r) => (commentPosted = r));
  await page.routeWebSocket(/\/socket\.io\//, async (ws) => {
    connectionAsked();
    await posted;
    ws.connectToServer();
  });
  await page.goto(PARAGRAPH);
  await expect(page.getByRole("status").filter({ hasText: "No comment yet." })).toBeVisible();
  await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
  await asked;
  await priya.post("Posted while your page was on its way.");
  commentPosted();
  await expect(page.getByRole("article", { name: /Priya Participant/ })).toContainText("Posted while your page was on its way.");
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await priya.context.close();
});

test("a comment posted while the viewer's connection was down shows once it comes back", async ({ browser, server }) => {
  const priya = await commenter(browser, server.url);
  const viewerContext = await browser.newContext({ baseURL: server.url });
  const viewer = await viewerContext.newPage();
  const socket = viewer.waitForEvent("websocket");
  const watching = liveConnectionAcknowledged(viewer);
  await viewer.goto(PARAGRAPH);
  await watching;
  await viewer.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));

  const closed = (await socket).waitForEvent("close");
  await viewerContext.setOffline(true);
  await closed;
  await priya.post("Posted while you were offline.");
  await viewerContext.setOffline(false);

  await expect(viewer.getByRole("article", { name: /Priya Participant/ })).toContainText("Posted while you were offline.", { timeout: 30_000 });
  expect(await viewer.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await viewerContext.close();
  await priya.context.close();
});
