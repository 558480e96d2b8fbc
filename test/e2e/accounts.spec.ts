import { DEMO_PASSWORD, expect, expectNoAxeViolations, signIn, signInAs, signOut, test } from "./fixtures";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a newcomer registers, sees the region derived from the country, signs out and in again", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Register" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();

    // A first attempt with problems keeps what was typed and says what is wrong, field by field.
    await page.getByLabel("Name shown with your comments").fill("Achieng Otieno");
    await page.getByLabel("E-mail address").fill("achieng@example.org");
    await page.getByLabel("Password", { exact: true }).fill("password123");
    await page.getByRole("button", { name: "Create my account" }).click();
    await expect(page.getByRole("alert")).toContainText("Please correct");
    await expect(page.getByText("This password is among the most common ones").last()).toBeVisible();
    await expect(page.getByText("Choose your country from the list.").last()).toBeVisible();
    await expect(page.getByText("Registration needs your agreement to the privacy notice.").last()).toBeVisible();
    await expect(page.getByLabel("Name shown with your comments")).toHaveValue("Achieng Otieno");
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Password", { exact: true }).fill("a long and personal passphrase");
    await page.getByLabel("Country", { exact: true }).selectOption({ label: "Kenya" });
    // Its empty choice asks for a group, not (as it once did) a country.
    await expect(page.getByLabel("Stakeholder group").locator("option").first()).toHaveText("Choose a stakeholder group…");
    await page.getByLabel("Stakeholder group").selectOption({ label: "Youth organisation" });
    await page.getByRole("textbox", { name: "Organisation" }).fill("Nairobi Youth for Digital Rights");
    await page.getByLabel("on behalf of my organisation").check();
    await page.getByLabel("Age", { exact: true }).selectOption({ label: "18 to 24" });
    await page.getByLabel(/I have read the privacy notice/).check();
    await page.getByRole("button", { name: "Create my account" }).click();

    await expect(page).toHaveURL(/\/account/);
    const profile = page.getByRole("region", { name: "Profile" });
    await expect(profile).toContainText("Kenya");
    await expect(profile).toContainText("Africa");
    await expect(profile).toContainText("Group V(a): African States");
    await expect(profile).toContainText("Youth organisation");

    await signOut(page);
    await signInAs(page, "ACHIENG@example.org", "a long and personal passphrase");
  });

  test("the same message for an unknown e-mail and a wrong password", async ({ page }) => {
    await signIn(page, "nobody@example.org", "whatever password");
    await expect(page.getByRole("alert")).toHaveText("The e-mail address or the password is not right.");
    await signIn(page, "participant@demo.redraft.org", "not the password");
    await expect(page.getByRole("alert")).toHaveText("The e-mail address or the password is not right.");
  });
});

test("a forgotten password is reset through the link in the outbox", async ({ page }) => {
  await page.goto("/forgot-password");
  await page.getByLabel("E-mail address").fill("participant@demo.redraft.org");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account uses this address");

  // Without SMTP the message waits in the outbox, which the secretariat reads.
  await signInAs(page, "secretariat@demo.redraft.org");
  await page.getByRole("link", { name: "Secretariat" }).click();
  await page.getByRole("link", { name: "Outbox" }).click();
  const message = page.getByRole("article", { name: "Reset your Redraft password" });
  await expect(message).toContainText("participant@demo.redraft.org");
  const link = (await message.textContent())!.match(/https?:\/\/\S+\/reset-password\/[\w-]+/)![0];
  await signOut(page);

  await page.goto(link);
  await page.getByLabel("New password").fill("my brand new passphrase");
  await page.getByRole("button", { name: "Save my new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password was changed");
  await signInAs(page, "participant@demo.redraft.org", "my brand new passphrase");

  // The link works once.
  await signOut(page);
  await page.goto(link);
  await expect(page.getByRole("alert")).toContainText("This reset link is not valid any more");
});

test("a participant is refused the secretariat pages; the secretariat filters participants and changes a role", async ({ page }) => {
  await signInAs(page, "participant@demo.redraft.org");
  const response = await page.goto("/admin/participants");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  await signOut(page);

  await signInAs(page, "secretariat@demo.redraft.org");
  await page.goto("/admin/participants");
  await page.getByLabel("UNESCO region").selectOption({ label: "Arab States" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("status")).toHaveText("5 participants");
  const row = page.getByRole("row").filter({ hasText: "Layla Haddad" });
  await row.getByLabel(/Change role/).selectOption({ label: "Moderator" });
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByRole("status").first()).toHaveText("The role of Layla Haddad is now Moderator.");
  await expectNoAxeViolations(page);
});

test("sign-in attempts against one account are limited with a clear 429 page", async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await signIn(page, "participant@demo.redraft.org", `wrong password ${i}`);
    await expect(page.getByRole("alert")).toHaveText("The e-mail address or the password is not right.");
  }
  await signIn(page, "participant@demo.redraft.org", DEMO_PASSWORD);
  await expect(page.getByRole("heading", { level: 1, name: "Too many attempts" })).toBeVisible();
  await expect(page.getByText(/please wait 15 minutes/)).toBeVisible();
});

test("account pages have no accessibility violations", async ({ page }) => {
  for (const path of ["/register", "/sign-in", "/forgot-password", "/privacy"]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
  await signInAs(page, "expert@demo.redraft.org");
  await page.getByRole("link", { name: "My account" }).click();
  await expect(page.getByRole("region", { name: "Profile" })).toContainText("Expert group of");
  await expectNoAxeViolations(page);
});
