import { DateTime } from "luxon";
import type { Browser, Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";
import { outlineToDocx } from "../support/render-docx";
import type { ImportedOutline } from "../../app/import";
import type { RunningServer } from "../support/start-server";

/**
 * The secretariat runs a consultation from the browser: creates it, uploads its Word draft and fixes
 * a label in the preview, schedules its opening a few seconds ahead; a participant cannot comment
 * before the opening, can after it, and is refused after the closing with the closing time in
 * their own zone. Then the same forms without JavaScript.
 *
 * Each test waits for real instants. What must happen before an instant is checked while that
 * instant is an hour away; the schedule is then moved to a few seconds ahead, so the only work that
 * has to fit before the opening is saving one form, and before the closing, posting one comment.
 */
const AHEAD_MS = 10_000;
const OPEN_FOR_MS = 45_000;

const ZONE = "Europe/Paris";
const SLUG = "ocean-science";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/** The draft as the secretariat has it in Word, with a numbering slip: "2." typed twice. */
const DRAFT: ImportedOutline = {
  title: "Draft resolution on ocean science",
  nodes: [
    { kind: "paragraph", label: "1", parent: null, level: 1, text: "Decides to proclaim a decade of ocean science;", footnotes: [] },
    { kind: "paragraph", label: "2", parent: null, level: 1, text: "Invites Member States to take part;", footnotes: [] },
    { kind: "paragraph", label: "2", parent: null, level: 1, text: "Requests the Secretary-General to report on the progress made.", footnotes: [] },
  ],
};

/** From the consultation's page: uploads the Word draft, fixes the slip in the preview, publishes. */
async function uploadDraft(page: Page) {
  await page.getByRole("link", { name: "Upload the draft" }).click();
  const docx = await outlineToDocx(DRAFT, { numbering: "typed" });
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "ocean-science.docx", mimeType: DOCX, buffer: docx });
  await page.getByRole("button", { name: "Read the file" }).click();
  const slip = page.getByRole("article", { name: "Node 3: Operative paragraph OP2 bis" });
  await expect(slip).toContainText("Requests the Secretary-General");
  await slip.getByText("Correct node 3").click();
  await slip.getByLabel("Label", { exact: true }).fill("OP3");
  await slip.getByRole("button", { name: "Change the label" }).click();
  await expect(page.getByRole("article", { name: "Node 3: Operative paragraph OP3" })).toBeVisible();
  await page.getByRole("button", { name: "Publish as version 1" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Version 1 is published." })).toBeVisible();
  await page.goto(`/admin/consultations/${SLUG}`);
}

const inParis = (instant: Date) => DateTime.fromJSDate(instant).setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm:ss");

async function createConsultation(page: Page) {
  await page.getByRole("link", { name: "Manage consultations" }).click();
  await page.getByRole("link", { name: "New consultation" }).click();
  // A bad address is refused; what was typed stays.
  await page.getByLabel("Title", { exact: true }).fill("Ocean science decade");
  await page.getByLabel("Address (slug)").fill("Ocean Science!");
  await page.getByLabel("Time zone of the consultation").selectOption(ZONE);
  await page.getByRole("button", { name: "Create the consultation" }).click();
  await expect(page.getByText("Use lower-case letters, digits and hyphens").first()).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Ocean science decade");
  await expect(page.getByLabel("Time zone of the consultation")).toHaveValue(ZONE);
  await page.getByLabel("Address (slug)").fill(SLUG);
  await page.getByRole("button", { name: "Create the consultation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ocean science decade" })).toBeVisible();
  await expect(page.getByText("In preparation").first()).toBeVisible();
  // Without a text it cannot open: the page says so and offers the upload.
  await expect(page.getByText("No text yet: upload the draft").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Upload the draft" })).toHaveAttribute("href", `/admin/consultations/${SLUG}/draft`);
  await expect(page.getByRole("button", { name: "Open now" })).toHaveCount(0);
}

/** Saves opening and closing instants (entered in Paris time) and schedules the opening. */
async function schedule(page: Page, opensAt: Date, closesAt: Date) {
  await page.reload();
  await expect(page.getByRole("link", { name: "Upload a new version" })).toBeVisible();
  await page.getByLabel("Opens").fill(inParis(opensAt));
  await page.getByLabel("Closes").fill(inParis(closesAt));
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByText("The settings are saved.")).toBeVisible();
  await page.getByRole("button", { name: "Schedule the opening" }).click();
  await expect(page.getByText("Done: the change is in the log below.")).toBeVisible();
  await expect(page.getByText("Scheduled", { exact: true }).first()).toBeVisible();
}

/** Moves a scheduled consultation's opening and closing (the settings form, as the secretariat would). */
async function moveSchedule(page: Page, opensAt: Date, closesAt: Date) {
  await page.goto(`/admin/consultations/${SLUG}`);
  await page.getByLabel("Opens").fill(inParis(opensAt));
  await page.getByLabel("Closes").fill(inParis(closesAt));
  await page.getByRole("button", { name: "Save the settings" }).click();
  await expect(page.getByText("The settings are saved.")).toBeVisible();
  await expect(page.getByText("Scheduled", { exact: true }).first()).toBeVisible();
}

/** An hour ahead: the checks before the opening do not race it. */
const farOpening = () => new Date(Math.ceil((Date.now() + 3_600_000) / 1000) * 1000);
/** A few seconds ahead, whole seconds (the form has no finer unit). */
const soon = () => new Date(Math.ceil((Date.now() + AHEAD_MS) / 1000) * 1000);

async function participantIn(browser: Browser, server: RunningServer, javaScriptEnabled: boolean) {
  // The participant reads in Tokyo: times are shown in their zone (and the consultation's).
  const context = await browser.newContext({ baseURL: server.url, timezoneId: "Asia/Tokyo", javaScriptEnabled });
  const page = await context.newPage();
  await signInAs(page, "participant@demo.redraft.org");
  return { context, page };
}

const tokyoTime = (instant: Date) =>
  new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone: "Asia/Tokyo" }).format(instant);

test("the secretariat schedules a consultation; it opens and closes on time for participants", async ({ page, browser, server }) => {
  await signInAs(page, "secretariat@demo.redraft.org");
  await createConsultation(page);
  await uploadDraft(page);
  const { context, page: participant } = await participantIn(browser, server, true);
  const later = farOpening();
  await schedule(page, later, new Date(later.getTime() + 3_600_000));

  // Before the opening the participant does not find it; the secretariat's page says when it opens.
  const early = await participant.goto(`/c/${SLUG}/p/OP1`);
  expect(early?.status()).toBe(404);
  await page.goto(`/c/${SLUG}/p/OP1`);
  await expect(page.getByText(/Comments open on/)).toContainText("Central European");

  // The opening moves to a few seconds from now; nobody touches the consultation again.
  const opensAt = soon();
  const closesAt = new Date(opensAt.getTime() + OPEN_FOR_MS);
  await moveSchedule(page, opensAt, closesAt);
  await page.goto(`/c/${SLUG}/p/OP1`);

  // The secretariat's page follows the consultation live: the form appears when it opens.
  await expect(page.getByRole("heading", { name: "Comment on paragraph OP1" })).toBeVisible({ timeout: AHEAD_MS + 60_000 });
  await participant.goto(`/c/${SLUG}/p/OP1`);
  const form = participant.getByRole("form", { name: "Comment on paragraph OP1" });
  await form.getByRole("radio", { name: "Support" }).check();
  await form.getByLabel("Your comment").fill("A decade is the right horizon for ocean science.");
  await form.getByRole("button", { name: "Publish my comment" }).click();
  await expect(participant.getByRole("article", { name: /Priya Participant/ })).toContainText("A decade is the right horizon");

  // Typing a second comment when the closing comes: the page says it closed, the text stays,
  // and sending it is refused with the closing time in the reader's zone.
  await form.getByRole("radio", { name: "Question" }).check();
  await form.getByLabel("Your comment").fill("Will there be a second round?");
  await expect(form.getByRole("status").filter({ hasText: "This consultation closed on" })).toBeVisible({ timeout: OPEN_FOR_MS + 60_000 });
  await form.getByRole("button", { name: "Publish my comment" }).click();
  const refusal = participant.getByRole("alert").filter({ hasText: "This consultation closed on" });
  await expect(refusal).toContainText(tokyoTime(closesAt));
  await expect(refusal).toContainText("GMT+9");
  await expect(form.getByLabel("Your comment")).toHaveValue("Will there be a second round?");
  await context.close();

  // The log on the consultation's page: the secretariat's steps and the scheduler's.
  await page.goto(`/admin/consultations/${SLUG}`);
  const log = page.getByRole("region", { name: "Log" });
  await expect(log.getByText(/Opened · automatically, at the scheduled time/)).toBeVisible();
  await expect(log.getByText(/Closed · automatically, at the scheduled time/)).toBeVisible();
  await expect(log.getByText(/Opening scheduled · Amina Secretariat/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the draft page, sent without React, shows the deadline in the reader's zone, as the hydrated pages write it", async ({ browser, server }) => {
  const context = await browser.newContext({ baseURL: server.url, timezoneId: "Asia/Tokyo", locale: "en" });
  const page = await context.newPage();
  await page.goto("/");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "First draft of the Recommendation on the Ethics of Artificial Intelligence" }) });
  const homeDeadline = card.locator(".status-line time").first();
  // The home page is hydrated: React rewrites the server's UTC in Tokyo time (UTC+9, "GMT+9").
  await expect(homeDeadline).toContainText("GMT+9");
  const expected = await homeDeadline.textContent();

  await page.goto("/c/unesco-ethics-of-ai");
  const draftDeadline = page.locator(".consultation-header .status-line time").first();
  await expect(draftDeadline).toHaveText(expected!);
  await expect(draftDeadline).not.toContainText("UTC");
  await context.close();
});

test("closing a live consultation and publishing its results each ask for an “I understand” first", async ({ page }) => {
  await signInAs(page, "secretariat@demo.redraft.org");
  await page.goto("/c/unesco-ethics-of-ai");
  await page.getByRole("link", { name: "Manage this consultation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "First draft of the Recommendation on the Ethics of Artificial Intelligence" })).toBeVisible();
  await page.getByRole("button", { name: "Close now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Nothing was changed" })).toBeVisible();
  await expect(page.getByText("Open for comments").first()).toBeVisible();
  await page.getByLabel("I understand that participants can no longer comment once it is closed").check();
  await page.getByRole("button", { name: "Close now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Done" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Close now" })).toHaveCount(0);

  await page.getByRole("button", { name: "Publish the results" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "this cannot be undone" })).toBeVisible();
  await page.getByLabel("I understand that the results become public at once and that this cannot be undone").check();
  await page.getByRole("button", { name: "Publish the results" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Results published" })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same forms work, and the server's clock decides", async ({ page, browser, server }) => {
    await signInAs(page, "secretariat@demo.redraft.org");
    await createConsultation(page);
    await uploadDraft(page);
    const later = farOpening();
    await schedule(page, later, new Date(later.getTime() + 3_600_000));

    const { context, page: participant } = await participantIn(browser, server, false);
    expect((await participant.goto(`/c/${SLUG}/p/OP1`))?.status()).toBe(404);
    const opensAt = soon();
    await moveSchedule(page, opensAt, new Date(opensAt.getTime() + OPEN_FOR_MS));
    // Without live updates, the reader reloads until the page shows the comment form.
    await expect(async () => {
      await participant.goto(`/c/${SLUG}/p/OP1`);
      await expect(participant.getByRole("button", { name: "Publish my comment" })).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: AHEAD_MS + 60_000 });
    const form = participant.getByRole("form", { name: "Comment on paragraph OP1" });
    await form.getByRole("radio", { name: "Support" }).check();
    await form.getByLabel("Your comment").fill("Written without scripts.");
    await form.getByRole("button", { name: "Publish my comment" }).click();
    await expect(participant.getByRole("article", { name: /Priya Participant/ })).toContainText("Written without scripts.");

    // A second comment typed while open, sent once another tab shows the consultation closed.
    await form.getByRole("radio", { name: "Concern" }).check();
    await form.getByLabel("Your comment").fill("Sent too late.");
    const other = await context.newPage();
    await expect(async () => {
      await other.goto(`/c/${SLUG}/p/OP1`);
      await expect(other.getByText(/This consultation closed on/)).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: OPEN_FOR_MS + 60_000 });
    await form.getByRole("button", { name: "Publish my comment" }).click();
    const refusal = participant.getByRole("alert").filter({ hasText: "This consultation closed on" });
    // Without scripts the page cannot know the reader's zone: UTC, said so, and the consultation's.
    await expect(refusal).toContainText("UTC");
    await expect(refusal).toContainText("Central European");
    await expect(form.getByLabel("Your comment")).toHaveValue("Sent too late.");
    await context.close();
  });
});
