import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

const INPUT = "/c/unesco-ethics-of-ai/input";
const HEADER = "paragraph;stance;comment;proposed_text;author;country;region;stakeholder_group;people_represented;language";

const MINISTRY = "71;support;Ministry supports the wording.;;Ministry of Education;Kenya;;member-state;1;en";
const PACIFIC = ";remark;On the draft as a whole.;;Pacific Islands Forum;;asia-pacific;intergovernmental;;en";
const VALID_ROWS = [MINISTRY, "72;concern;We are not sure, the text says too little.;;Teachers Union;FR;;civil-society;3000;fr", PACIFIC];

const csv = (...rows: string[]) => ({
  name: "submissions.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(`\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`),
});

test("the input pages pass the accessibility checks; a preview can be discarded", async ({ page }) => {
  await signInAs(page, "secretariat@demo.redraft.org");
  await page.goto(`${INPUT}/meetings/new`);
  await page.getByLabel("Kind of meeting").selectOption({ label: "Multi-stakeholder workshop" });
  await page.getByLabel("Title").fill("Youth workshop");
  await page.getByLabel(/^Date held/).fill("2026-02-10");
  await page.getByRole("button", { name: "Add the meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Youth workshop" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Input from other channels" }).click();
  await expect(page.getByRole("row", { name: "Youth workshop Multi-stakeholder workshop 2026-02-10 0 0" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Import written comments from a file" }).click();
  await expectNoAxeViolations(page);
  await page.getByLabel(/^File/).setInputFiles(csv("71;question;Which schools?;;Parents Association;;Africa;civil-society;;en"));
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("status")).toHaveText(
    "1 comment ready to import, representing 1 person. Nothing is imported until you confirm."
  );
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Cancel and discard the file" }).click();
  await expect(page.getByText("No file imported yet.")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the secretariat records a regional consultation's input; it shows on the paragraph with its channel", async ({ page }) => {
    await signInAs(page, "secretariat@demo.redraft.org");
    await page.goto("/c/unesco-ethics-of-ai");
    await page.getByRole("link", { name: "Record input from meetings and written submissions" }).click();
    await page.getByRole("link", { name: "Add a meeting" }).click();

    await page.getByRole("button", { name: "Add the meeting" }).click();
    await expect(page.getByRole("alert")).toContainText("Please correct 3 problems below.");
    await page.getByRole("alert").getByRole("link", { name: "Give the date the meeting was held, written YYYY-MM-DD." }).click();
    await expect(page).toHaveURL(/#field-heldOn$/);

    await page.getByLabel("Kind of meeting").selectOption({ label: "Regional consultation" });
    await page.getByLabel("Title").fill("Africa regional consultation");
    await page.getByLabel(/^Place/).fill("Nairobi");
    await page.getByLabel(/^Region the meeting gathered/).selectOption({ label: "Africa" });
    await page.getByLabel(/^Date held/).fill("2026-03-04");
    await page.getByRole("button", { name: "Add the meeting" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Africa regional consultation" })).toBeVisible();

    const form = page.getByRole("form", { name: "Record a comment from this meeting" });
    await form.getByLabel("Paragraph").selectOption("71");
    await form.getByLabel("Concern").check();
    await form.getByLabel("Comment", { exact: true }).fill("Participants asked for explicit mention of rural schools.");
    await form.getByLabel(/^On behalf of/).fill("African Youth Education Network");
    await form.getByLabel("Stakeholder group").selectOption({ label: "Youth organisation" });
    await form.getByLabel("Number of people represented").fill("40");
    await form.getByRole("button", { name: "Record the comment" }).click();
    await expect(page.getByRole("status")).toHaveText("Comment recorded.");
    const table = page.getByRole("table", { name: /Comments recorded for this meeting/ });
    await expect(table.getByRole("row", { name: /71 Concern African Youth Education Network/ })).toBeVisible();

    await table.getByRole("link", { name: "71" }).click();
    const item = page.getByRole("article", { name: "African Youth Education Network · Youth organisation" });
    await expect(item).toContainText("Participants asked for explicit mention of rural schools.");
    await expect(item).toContainText(
      "Regional consultation · Africa regional consultation · Africa, Nairobi, 2026-03-04 · on behalf of 40 people"
    );

    // The overview counts the meeting's comments and the people they speak for.
    await page.goto(INPUT);
    await expect(
      page.getByRole("row", { name: "Africa regional consultation Regional consultation Africa, Nairobi 2026-03-04 1 40" })
    ).toBeVisible();
  });

  test("a bulk import with one invalid row is refused whole; a valid file is previewed, then imported", async ({ page }) => {
    await signInAs(page, "secretariat@demo.redraft.org");
    await page.goto(`${INPUT}/import`);
    await page
      .getByLabel(/^File/)
      .setInputFiles(csv(MINISTRY, "72;maybe;We are not sure.;;Teachers Union;FR;;civil-society;3000;fr", PACIFIC));
    await page.getByRole("button", { name: "Check the file" }).click();
    const refusal = page.getByRole("alert");
    await expect(refusal).toContainText("The file is refused: 1 problem was found. Nothing was imported.");
    await expect(refusal.getByRole("listitem")).toHaveText([
      "Row 3: stance “maybe” is not one of support, concern, amendment, question, remark.",
    ]);

    // Nothing was imported: the paragraph has no comment from the file.
    await page.goto("/c/unesco-ethics-of-ai/p/71");
    await expect(page.getByText("Ministry supports the wording.")).toHaveCount(0);
    await page.goto(INPUT);
    await expect(page.getByText("No file imported yet.")).toBeVisible();

    // The corrected file: a preview first, then the import.
    await page.goto(`${INPUT}/import`);
    await page.getByLabel(/^File/).setInputFiles(csv(...VALID_ROWS));
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Preview of submissions.csv" })).toBeVisible();
    await expect(page.getByRole("status")).toHaveText(
      "3 comments ready to import, representing 3,002 people. Nothing is imported until you confirm."
    );
    const preview = page.getByRole("table", { name: "Rows to import" });
    await expect(preview.getByRole("row")).toHaveCount(4);
    await expect(preview.getByRole("row", { name: /^4 The draft as a whole General remark Pacific Islands Forum/ })).toBeVisible();
    await page.getByRole("button", { name: "Import 3 comments" }).click();

    await expect(page.getByRole("status")).toHaveText("3 comments imported from submissions.csv.");
    await expect(page.getByRole("row", { name: "submissions.csv 3" })).toBeVisible();

    await page.goto("/c/unesco-ethics-of-ai/p/72");
    const item = page.getByRole("article", { name: "Teachers Union · Civil society / NGO · France" });
    await expect(item).toContainText("We are not sure, the text says too little.");
    await expect(item).toContainText("Written submission · on behalf of 3,000 people");

    // The same file a second time is refused.
    await page.goto(`${INPUT}/import`);
    await page.getByLabel(/^File/).setInputFiles(csv(...VALID_ROWS));
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByRole("alert")).toContainText("This file was imported already (as submissions.csv");
  });
});

test("only the secretariat reaches the input pages", async ({ page }) => {
  await signInAs(page, "moderator@demo.redraft.org");
  await page.goto("/c/unesco-ethics-of-ai");
  await expect(page.getByRole("link", { name: "Record input from meetings and written submissions" })).toHaveCount(0);
  const response = await page.goto(`${INPUT}/import`);
  expect(response?.status()).toBe(403);
});
