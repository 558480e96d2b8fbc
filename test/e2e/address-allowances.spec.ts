import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the secretariat allows a meeting's address range for a day, then revokes it", async ({ page }) => {
    await signInAs(page, "secretariat@demo.redraft.org");
    await page.goto("/admin");
    await page.getByRole("link", { name: "Meeting addresses" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Meeting addresses" })).toBeVisible();
    await expect(page.getByText("No range is allowed now.")).toBeVisible();
    await expect(page.getByLabel("For how long")).toHaveValue("24");

    // An absurd range is refused with a message; what was typed stays.
    await page.getByLabel("Address or range").fill("0.0.0.0/0");
    await page.getByLabel("What it is for").fill("Everyone");
    await page.getByRole("button", { name: "Allow this range" }).click();
    await expect(page.getByText("This range is too wide").last()).toBeVisible();
    await expect(page.getByLabel("Address or range")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("What it is for")).toHaveValue("Everyone");

    await page.getByLabel("Address or range").fill("196.201.214.9/24");
    await page.getByLabel("What it is for").fill("Regional consultation, Nairobi");
    await page.getByLabel("For how long").selectOption({ label: "12 hours" });
    await page.getByRole("button", { name: "Allow this range" }).click();
    await expect(page.getByRole("status")).toHaveText("The range is allowed.");
    const row = page.getByRole("row", { name: /196\.201\.214\.0\/24/ });
    await expect(row).toContainText("Regional consultation, Nairobi");
    await expect(row).toContainText("Secretariat");

    await row.getByRole("button", { name: "Revoke 196.201.214.0/24" }).click();
    await expect(page.getByRole("status")).toHaveText("The range is no longer allowed.");
    await expect(page.getByText("No range is allowed now.")).toBeVisible();
    const ended = page.getByRole("listitem").filter({ hasText: "196.201.214.0/24" });
    await expect(ended).toContainText("revoked by");
  });
});

test("with JavaScript the page works the same and passes the accessibility checks", async ({ page }) => {
  await signInAs(page, "secretariat@demo.redraft.org");
  await page.goto("/admin/address-allowances");
  await page.getByLabel("Address or range").fill("2001:db8:12::/48");
  await page.getByLabel("What it is for").fill("Workshop, Geneva");
  await page.getByRole("button", { name: "Allow this range" }).click();
  await expect(page.getByRole("status")).toHaveText("The range is allowed.");
  await expect(page.getByRole("row", { name: /2001:db8:12::\/48/ })).toContainText("Workshop, Geneva");
  await expectNoAxeViolations(page);
});

test("a participant cannot open the page", async ({ page }) => {
  await signInAs(page, "participant@demo.redraft.org");
  const response = await page.goto("/admin/address-allowances");
  expect(response?.status()).toBe(403);
});
