import type { Page } from "@playwright/test";
import { openDatabase } from "../../db/client.server";
import { expect, liveConnectionAcknowledged, signInAs, test } from "./fixtures";

const SLUG = "unesco-ethics-of-ai";
const PARAGRAPH = `/c/${SLUG}/p/71`;

/**
 * `count` comments on paragraph 71, one a minute in the past, written into the test server's own
 * database (WAL: the server keeps running). Returns their ids, oldest first.
 */
function seedParagraphComments(databasePath: string, count: number): number[] {
  const db = openDatabase(databasePath);
  try {
    const sqlite = db.$client;
    const node = sqlite
      .prepare(
        `select n.node_id as nodeId, v.id as versionId, c.id as consultationId from outline_nodes n
         join document_versions v on v.id = n.version_id join documents d on d.id = v.document_id join consultations c on c.id = d.consultation_id
         where c.slug = ? and n.label = '71' and v.published_at is not null order by v.number desc limit 1`,
      )
      .get(SLUG) as { nodeId: string; versionId: number; consultationId: number };
    const author = sqlite.prepare(`select * from users where email = 'participant1@demo.redraft.org'`).get() as Record<string, unknown>;
    const insert = sqlite.prepare(
      `insert into comments (consultation_id, node_id, version_id, author_id, author_name, author_pseudonymous, author_country_code, author_region,
         author_electoral_group, author_stakeholder_group_id, stance, language, body, channel, submission_id, created_at)
       values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 'en', ?, 'online', ?, ?)`,
    );
    const start = Date.now() - (count + 5) * 60_000;
    return sqlite.transaction(() =>
      Array.from({ length: count }, (_, i) =>
        Number(
          insert.run(node.consultationId, node.nodeId, node.versionId, author.id, author.display_name, author.country_code, author.unesco_region,
            author.electoral_group, author.stakeholder_group_id, i % 2 === 0 ? "support" : "concern", `Seeded comment ${i + 1}.`, crypto.randomUUID(), start + i * 60_000).lastInsertRowid,
        ),
      ),
    )();
  } finally {
    db.$client.close();
  }
}

const seeded = (page: Page, n: number) => page.getByText(`Seeded comment ${n}.`, { exact: true });

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a long discussion comes a page at a time, with links to the next and previous pages", async ({ page, server }) => {
    seedParagraphComments(server.databasePath, 45);
    await page.goto(PARAGRAPH);
    await expect(page.getByText("45 comments", { exact: true })).toBeVisible();
    await expect(page.getByText("Comments 1–20 of 45.")).toBeVisible();
    await expect(seeded(page, 20)).toBeVisible();
    await expect(seeded(page, 21)).toHaveCount(0);

    await page.getByRole("navigation", { name: "Pages of comments" }).getByRole("link", { name: "Show more comments" }).click();
    await expect(page).toHaveURL(/[?&]after=/);
    await expect(page.getByText("Comments 21–40 of 45.")).toBeVisible();
    await expect(seeded(page, 21)).toBeVisible();
    await expect(seeded(page, 40)).toBeVisible();
    await expect(seeded(page, 20)).toHaveCount(0);

    await page.getByRole("link", { name: "Show more comments" }).click();
    await expect(page.getByText("Comments 41–45 of 45.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Show more comments" })).toHaveCount(0);

    await page.getByRole("link", { name: "Previous comments" }).click();
    await expect(page.getByText("Comments 21–40 of 45.")).toBeVisible();
    await page.getByRole("link", { name: "First comments" }).click();
    await expect(seeded(page, 1)).toBeVisible();
  });

  test("the sort order and filters carry over to the next page", async ({ page, server }) => {
    seedParagraphComments(server.databasePath, 45);
    await page.goto(`${PARAGRAPH}?sort=newest&stance=support`);
    // 23 of the 45 support (every other one, from the first): newest first.
    await expect(page.getByText("Comments 1–20 of 23.")).toBeVisible();
    await expect(seeded(page, 45)).toBeVisible();
    await page.getByRole("link", { name: "Show more comments" }).click();
    await expect(page).toHaveURL(/sort=newest/);
    await expect(page.getByText("Comments 21–23 of 23.")).toBeVisible();
    await expect(seeded(page, 1)).toBeVisible();
    await expect(seeded(page, 2)).toHaveCount(0);
  });

  test("a link to a comment on the second page opens that page", async ({ page, server }) => {
    const ids = seedParagraphComments(server.databasePath, 30);
    await page.goto(`${PARAGRAPH}?comment=${ids[26]}#comment-${ids[26]}`);
    await expect(seeded(page, 27)).toBeVisible();
    await expect(page.getByText("Comments 21–30 of 30.")).toBeVisible();
  });
});

test.describe("with JavaScript", () => {
  test("Show more adds the next comments in place and takes the keyboard to the first of them", async ({ page, server }) => {
    seedParagraphComments(server.databasePath, 25);
    await page.goto(PARAGRAPH);
    await expect(seeded(page, 20)).toBeVisible();
    await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
    const more = page.getByRole("link", { name: "Show more comments" });
    await more.focus();
    await page.keyboard.press("Enter");
    await expect(seeded(page, 25)).toBeVisible();
    // Added, not replaced: the first page is still there, at the same address.
    await expect(seeded(page, 1)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${PARAGRAPH}$`));
    await expect(page.getByRole("listitem").filter({ has: seeded(page, 21) })).toBeFocused();
    await expect(more).toHaveCount(0);
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  test("an old link to a comment that is not on the first page still finds it", async ({ page, server }) => {
    const ids = seedParagraphComments(server.databasePath, 30);
    await page.goto(`${PARAGRAPH}#comment-${ids[24]}`);
    await expect(seeded(page, 25)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`comment=${ids[24]}#comment-${ids[24]}$`));
  });

  test("a new comment lands on its page after posting, though the first page is full", async ({ page, server }) => {
    seedParagraphComments(server.databasePath, 25);
    await signInAs(page, "participant@demo.redraft.org");
    await page.goto(PARAGRAPH);
    await page.getByRole("radio", { name: "Question" }).check();
    await page.getByLabel("Your comment").fill("Posted after twenty-five others.");
    await page.getByRole("button", { name: "Publish my comment" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Your comment is published." })).toBeVisible();
    await expect(page.getByRole("article", { name: /Priya Participant/ })).toContainText("Posted after twenty-five others.");
    await expect(page.getByText("26 comments", { exact: true })).toBeVisible();
  });
});

test("a reader of the draft sees a paragraph's counts change when someone comments, from the event alone", async ({ page, browser, server }) => {
  seedParagraphComments(server.databasePath, 3);
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/discussion")) asked.push(request.url());
  });
  const watching = liveConnectionAcknowledged(page);
  await page.goto(`/c/${SLUG}`);
  await watching;
  const discussion = page.getByRole("link", { name: /comments? on 71$/ });
  await expect(discussion).toHaveText("3 comments on 71");
  await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));

  const other = await browser.newContext({ baseURL: server.url });
  const priya = await other.newPage();
  await signInAs(priya, "participant@demo.redraft.org");
  const response = await other.request.post(`${server.url}${PARAGRAPH}`, {
    form: { intent: "comment", stance: "question", body: "Does this cover open data?", submissionId: crypto.randomUUID() },
    headers: { Origin: server.url },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);

  await expect(discussion).toHaveText("4 comments on 71");
  await expect(page.getByRole("img", { name: "Support: 2, Concern: 1, Question: 1" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "4 comments on 71" })).toBeAttached();
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  expect(asked).toEqual([]);
  await other.close();
});
