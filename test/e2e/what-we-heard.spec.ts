import type { Page } from "@playwright/test";
import { expect, signInAs, signOut, test } from "./fixtures";

const SLUG = "unesco-ethics-of-ai";

/** Two comments from the signed-in participant, on two paragraphs. */
async function commentTwice(page: Page, baseURL: string) {
  for (const [label, body] of [["71", "Name the groups."], ["72", "Say how it is reviewed."]]) {
    const response = await page.request.post(`${baseURL}/c/${SLUG}/p/${label}`, {
      form: { intent: "comment", stance: "concern", body, submissionId: crypto.randomUUID() },
      headers: { Origin: baseURL },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
  }
}

test("what we heard counts each participant's people once, and says when no decision is recorded", async ({ page, server }) => {
  await signInAs(page, "participant@demo.redraft.org");
  await commentTwice(page, server.url);
  await signOut(page);
  await signInAs(page, "participant1@demo.redraft.org");
  await commentTwice(page, server.url);
  await signOut(page);

  await signInAs(page, "secretariat@demo.redraft.org");
  await page.goto(`/c/${SLUG}/what-we-heard`);
  await expect(page.getByRole("status")).toHaveText("4 comments from 2 participants, representing 2 people.");
  const decisions = page.getByRole("region", { name: "What the expert group decided" });
  await expect(decisions).toContainText("No decision recorded yet.");
  await expect(decisions.getByRole("table")).toHaveCount(0);
});
