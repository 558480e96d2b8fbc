import type { Page } from "@playwright/test";
import { seedSyntheticConsultation } from "../../app/analysis/synthetic-consultation.server";
import { openDatabase } from "../../db/client.server";
import { getConsultationBySlug } from "../../app/drafts/drafts.server";
import { insertJointSubmission } from "../support/joint-submission";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

const ANALYSIS = "/c/unesco-ethics-of-ai/analysis";

/** A small synthetic consultation in the test server's own database (WAL: the server keeps running). */
function seedComments(databasePath: string) {
  const db = openDatabase(databasePath);
  try {
    // 900 comments: enough for the generator's first campaign (6% of the comments, 54 copies).
    seedSyntheticConsultation(db, { comments: 900, participants: 60, seed: 11, slug: "unesco-ethics-of-ai", until: "2026-11-22", days: 30 });
  } finally {
    db.$client.close();
  }
}

const matrix = (page: Page) => page.getByRole("table", { name: /Comments per paragraph and region/ });
const cellLinks = (page: Page, region: string) => matrix(page).locator(`a[href*="by=region"][href*="value=${region}"]`);

/** The ids of the comments counted in one cell, read from the database, not from the app. */
function countedIds(databasePath: string, nodeId: string, region: string, stance?: string): number[] {
  const db = openDatabase(databasePath);
  try {
    return (
      db.$client
        .prepare(
          `select id from comments where node_id = ? and author_region = ? and parent_id is null and status = 'visible'
           ${stance ? "and stance = ?" : ""} order by id`,
        )
        .all(...[nodeId, region, ...(stance ? [stance] : [])]) as { id: number }[]
    ).map((r) => r.id);
  } finally {
    db.$client.close();
  }
}

test("an expert filters the matrix by region and stance; a cell's drill-down lists exactly the comments it counted", async ({ page, server }) => {
  test.slow(); // axe over the whole analysis page takes half a minute on a shared machine
  seedComments(server.databasePath);
  await signInAs(page, "expert@demo.redraft.org");
  await page.goto("/c/unesco-ethics-of-ai");
  await expect(page.getByRole("link", { name: "Analysis of the feedback" })).toHaveAttribute("href", ANALYSIS);
  await page.goto(ANALYSIS);
  await expect(page.getByRole("heading", { level: 1, name: "Analysis of the feedback" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(/\d+ comments from \d+ participants/);
  expect(await cellLinks(page, "europe-north-america").count()).toBeGreaterThan(0);
  await expectNoAxeViolations(page);

  const filters = page.getByRole("form", { name: "Filter the analysis" });
  await filters.getByLabel("Region").selectOption({ label: "Africa" });
  await filters.getByLabel("Position").selectOption({ label: "Concern" });
  await filters.getByRole("button", { name: "Apply the filters" }).click();
  await expect(page).toHaveURL(/region=africa/);
  await expect(page).toHaveURL(/stance=concern/);
  await expect(page.getByRole("status")).toContainText("Region: Africa, Position: Concern");

  // The matrix narrowed: no other region's cells are left.
  await expect(cellLinks(page, "europe-north-america")).toHaveCount(0);
  const africa = cellLinks(page, "africa");
  expect(await africa.count()).toBeGreaterThan(0);

  // The busiest Africa cell.
  const counts = await africa.evaluateAll((links) => links.map((a) => Number.parseInt(a.textContent ?? "", 10)));
  const busiest = counts.indexOf(Math.max(...counts));
  const cell = africa.nth(busiest);
  const counted = counts[busiest]!;
  expect(counted).toBeGreaterThan(0);
  expect(counted).toBeLessThanOrEqual(50); // one page of the drill-down
  const nodeId = new URL((await cell.getAttribute("href"))!, "http://x").searchParams.get("node")!;
  await cell.click();

  await expect(page.getByRole("heading", { level: 1, name: "Comments behind the figure" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(counted === 1 ? "1 comment" : `${counted} comments`);
  const listed = await page.locator(".drill-down-list article").evaluateAll((items) => items.map((a) => Number(a.getAttribute("aria-labelledby")!.match(/\d+/)![0])));
  const expected = countedIds(server.databasePath, nodeId, "africa", "concern");
  expect(expected).toHaveLength(counted);
  expect([...listed].sort((a, b) => a - b)).toEqual(expected.slice(0, 50));
});

test("the analysis shows consensus, representativeness, campaigns and themes; collapsing campaigns changes the counts", async ({ page, server }) => {
  // axe over the whole page (a matrix of 200 paragraphs, the tables opened) takes half a minute on a shared machine.
  test.slow();
  seedComments(server.databasePath);
  await signInAs(page, "expert@demo.redraft.org");
  await page.goto(ANALYSIS);

  // Consensus and division, with the counts behind them linking to the drill-down.
  await expect(page.getByRole("heading", { level: 2, name: "Consensus and division" })).toBeVisible();
  const agreed = page.getByRole("table", { name: "Paragraphs the regions agree on most" });
  expect(await agreed.getByRole("row").count()).toBeGreaterThan(1);
  await expect(agreed.getByRole("link", { name: /\d+ supports?/ }).first()).toHaveAttribute("href", /stance=support.*node=|node=.*stance=support/);
  expect(await page.getByRole("table", { name: "Paragraphs on which the stakeholder groups diverge most" }).getByRole("row").count()).toBeGreaterThan(1);

  // Representativeness beside UN Member States, then beside registered participants.
  const regions = page.getByRole("table", { name: "Participants and comments per region beside the baseline" });
  await expect(regions.getByRole("columnheader", { name: "Share of UN Member States" })).toBeVisible();
  await expect(regions.getByRole("row", { name: /Africa/ })).toContainText("23.3%"); // 45 of 193 Member States
  await page.getByText("Who said nothing, paragraph by paragraph").click();
  await expect(page.getByRole("table", { name: "Paragraphs on which some regions or stakeholder groups said nothing" })).toBeVisible();
  await page.getByRole("navigation", { name: "Compare the regions with" }).getByRole("link", { name: "Registered participants" }).click();
  await expect(page).toHaveURL(/baseline=registered/);
  await expect(regions.getByRole("columnheader", { name: "Share of registered participants" })).toBeVisible();

  // A campaign: one text × N submitters, with its regions.
  const campaign = page.getByRole("link", { name: /^One text × \d+ submitters$/ }).first();
  await expect(campaign).toBeVisible();
  const size = Number((await campaign.textContent())!.match(/\d+/)![0]);
  expect(size).toBeGreaterThanOrEqual(3);
  await expect(page.getByText(/^Regions: /).first()).toBeVisible();

  // Themes of each region and each paragraph.
  expect(await page.getByRole("table", { name: "Distinctive terms of each region's comments" }).getByRole("row").count()).toBeGreaterThan(1);
  await page.getByText("Distinctive terms of each paragraph's comments", { exact: true }).first().click();
  expect(await page.getByRole("table", { name: "Distinctive terms of each paragraph's comments" }).getByRole("row").count()).toBeGreaterThan(1);

  // Collapsing campaigns: each counts once, so the total drops by N − 1 for each.
  const sizes = await page.getByRole("link", { name: /^One text × \d+ submitters$/ }).evaluateAll((links) => links.map((a) => Number(a.textContent!.match(/\d+/)![0])));
  const total = async () => Number((await page.getByRole("status").textContent())!.match(/(\d+) comments? from/)![1]);
  const raw = await total();
  await page.getByRole("link", { name: "Count each campaign once" }).click();
  await expect(page).toHaveURL(/campaigns=collapsed/);
  await expect(page.getByRole("status")).toContainText("Campaigns collapsed (counted once)");
  expect(await total()).toBe(raw - sizes.reduce((n, s) => n + s - 1, 0));
  await expect(page.getByRole("form", { name: "Filter the analysis" }).getByLabel("Campaigns")).toHaveValue("collapsed");
  await expectNoAxeViolations(page);

  // The campaign's drill-down lists its N comments.
  await page.getByRole("link", { name: /^One text × \d+ submitters$/ }).first().click();
  await expect(page.getByRole("status")).toHaveText(`${size} comments`);
});

/** `copies` more copies of the largest campaign's text, sent behind the server's back (as an import would). */
function sendCampaignCopies(databasePath: string, copies: number) {
  const db = openDatabase(databasePath);
  try {
    const sqlite = db.$client;
    const { representative } = sqlite
      .prepare("select campaign_id as representative from campaign_members group by campaign_id order by count(*) desc, campaign_id limit 1")
      .get() as { representative: number };
    const columns = (sqlite.pragma("table_info(comments)") as { name: string }[]).map((c) => c.name).filter((c) => c !== "id" && c !== "submission_id");
    const copy = sqlite.prepare(`insert into comments (${columns.join(", ")}, submission_id) select ${columns.join(", ")}, ? from comments where id = ?`);
    for (let i = 0; i < copies; i++) copy.run(`late-copy-${i}`, representative);
  } finally {
    db.$client.close();
  }
}

test("after new comments the page shows the last campaigns while it brings them up to date, then the current ones", async ({ page, server }) => {
  seedComments(server.databasePath);
  await signInAs(page, "secretariat@demo.redraft.org");
  await page.goto(ANALYSIS);
  const largest = page.getByRole("link", { name: /^One text × \d+ submitters$/ }).first();
  const size = Number((await largest.textContent())!.match(/\d+/)![0]);
  const updating = page.getByText("Campaigns and themes are being brought up to date with the newest comments");
  await expect(updating).toHaveCount(0);

  sendCampaignCopies(server.databasePath, 3);
  await page.reload();
  // Answered at once from the grouping as it was, and saying so.
  await expect(updating).toBeVisible();
  await expect(largest).toHaveText(`One text × ${size} submitters`);
  // The refresh ran after that response: a later visit has the three new copies.
  await expect(async () => {
    await page.reload();
    await expect(updating).toHaveCount(0);
    await expect(largest).toHaveText(`One text × ${size + 3} submitters`);
  }).toPass({ timeout: 120_000 });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the secretariat's filters live in the URL and a shared address shows the same view", async ({ page, server }) => {
    seedComments(server.databasePath);
    await signInAs(page, "secretariat@demo.redraft.org");
    await page.goto(ANALYSIS);
    const all = await page.getByRole("status").textContent();
    const form = page.getByRole("form", { name: "Filter the analysis" });
    await form.getByLabel("Language").selectOption({ label: "Español" });
    await page.getByRole("button", { name: "Apply the filters" }).click();
    await expect(page).toHaveURL(/language=es/);
    const narrowed = await page.getByRole("status").textContent();
    expect(narrowed).not.toBe(all);
    await page.goto(page.url());
    await expect(page.getByRole("status")).toHaveText(narrowed!);
    await expect(form.getByLabel("Language")).toHaveValue("es");
    await page.getByRole("link", { name: "Clear the filters" }).click();
    await expect(page.getByRole("status")).toHaveText(all!);
  });
});

test("a joint submission counts once, and its co-signers show under both their regions", async ({ page, server }) => {
  test.slow(); // axe over the analysis page
  const db = openDatabase(server.databasePath);
  try {
    const consultationId = getConsultationBySlug(db, "unesco-ethics-of-ai")!.id;
    insertJointSubmission(db, {
      consultationId,
      nodeId: null,
      body: "Our coalition asks for yearly independent audits of public algorithms.",
      signers: [
        { name: "Amina Odhiambo", region: "africa", organisation: "Open Data Kenya", group: "civil-society" },
        { name: "Lena Vogel", region: "europe-north-america", countryCode: "DE", electoralGroup: "I", organisation: "Uni Bonn" },
      ],
    });
  } finally {
    db.$client.close();
  }
  await signInAs(page, "expert@demo.redraft.org");
  await page.goto(`${ANALYSIS}?joint=only`);
  await expect(page.getByRole("status")).toContainText("Joint submissions only");
  await expect(page.getByRole("status")).toContainText("1 comment from 1 participant");
  const byRegion = page.getByRole("table", { name: "Co-signers by region" });
  await expect(byRegion.getByRole("row", { name: /Africa/ })).toContainText("1");
  await expect(byRegion.getByRole("row", { name: /Europe and North America/ })).toContainText("1");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Joint submissions under these filters" }).click();
  await expect(page.getByRole("status")).toHaveText("1 comment");
  await expect(page.getByText("Co-signed by 2 signatories (2 organisations) from 2 regions")).toBeVisible();
  // The list repeats who stands behind what it lists.
  await expect(page.getByRole("table", { name: "Co-signers by region" }).getByRole("row", { name: /Europe and North America/ })).toBeVisible();
});

test("a participant may not open the analysis", async ({ page }) => {
  await signInAs(page, "participant@demo.redraft.org");
  await page.goto("/c/unesco-ethics-of-ai");
  await expect(page.getByRole("link", { name: "Analysis of the feedback" })).toHaveCount(0);
  const response = await page.goto(ANALYSIS);
  expect(response?.status()).toBe(403);
});

test("at 1280 px the participation tables sit side by side without overlapping", async ({ page, server }) => {
  seedComments(server.databasePath);
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, "expert@demo.redraft.org");
  await page.goto(ANALYSIS);
  const section = page.getByRole("region", { name: "Participation" });
  const tables = section.getByRole("table");
  await expect(tables.first()).toBeVisible();
  const count = await tables.count();
  expect(count).toBeGreaterThanOrEqual(3);
  // What a reader sees of each table: its box, clipped by the scroll region it may sit in.
  const boxes = await tables.evaluateAll((elements) =>
    elements.map((table) => {
      const own = table.getBoundingClientRect();
      const clip = table.parentElement!.closest(".table-scroll")?.getBoundingClientRect() ?? own;
      const left = Math.max(own.left, clip.left);
      const right = Math.min(own.right, clip.right);
      return { name: table.querySelector("caption")?.textContent ?? "", left, right, top: own.top, bottom: own.bottom };
    }),
  );
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      expect(overlap, `${a.name} overlaps ${b.name}: ${JSON.stringify([a, b])}`).toBe(false);
    }
  }
  // At this width each table fits its column whole: nothing to scroll to see a header.
  const hidden = await tables.evaluateAll((elements) =>
    elements.filter((t) => t.getBoundingClientRect().width > t.parentElement!.getBoundingClientRect().width + 0.5).map((t) => t.querySelector("caption")?.textContent),
  );
  expect(hidden).toEqual([]);
});
