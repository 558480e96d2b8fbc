import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, signInAs, test } from "./fixtures";

/**
 * axe-core (WCAG 2.1 A and AA, plus best practices) on every page, for the role that sees it, in
 * English and in Arabic (right to left). Signed-in readers switch with the language switcher, which
 * also keeps the choice in their profile; anonymous ones ask through Accept-Language.
 */
const DRAFT = "/c/unesco-ethics-of-ai";

async function switchToArabic(page: Page) {
  await page.getByRole("combobox", { name: "Language" }).selectOption("ar");
  await page.getByRole("button", { name: "Change" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
}

async function checkPages(page: Page, paths: string[]) {
  for (const path of paths) {
    await test.step(path, async () => {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    });
  }
}

const roles: { name: string; email?: string; paths: string[] }[] = [
  {
    name: "anonymous reader",
    paths: [
      "/",
      DRAFT,
      `${DRAFT}/p/71`,
      `${DRAFT}/comments`,
      `${DRAFT}/search?q=gender+equality`,
      `${DRAFT}/changes`,
      "/register",
      "/sign-in",
      "/forgot-password",
      "/privacy",
      // A closed consultation: its public account and the change log.
      "/c/ga-78-265-trustworthy-ai/what-we-heard",
    ],
  },
  { name: "participant", email: "participant@demo.redraft.org", paths: [`${DRAFT}/p/71`, "/account"] },
  {
    name: "expert",
    email: "expert@demo.redraft.org",
    paths: [
      `${DRAFT}/revise`,
      `${DRAFT}/analysis`,
      `${DRAFT}/analysis?matrix=group&region=africa`,
      `${DRAFT}/analysis/comments?node=draft&by=region&value=africa`,
      `${DRAFT}/compiled`,
    ],
  },
  { name: "moderator", email: "moderator@demo.redraft.org", paths: ["/moderation"] },
  {
    name: "secretariat",
    email: "secretariat@demo.redraft.org",
    paths: [
      `${DRAFT}/input`,
      `${DRAFT}/input/meetings/new`,
      `${DRAFT}/input/import`,
      "/admin",
      "/admin/participants", "/admin/experts", "/admin/stakeholder-groups", "/admin/outbox", "/admin/moderation-log",
      "/admin/consultations", "/admin/consultations/new", "/admin/consultations/unesco-ethics-of-ai"],
  },
];

for (const language of ["en", "ar"] as const) {
  test.describe(`in ${language === "en" ? "English" : "Arabic"}`, () => {
    for (const role of roles) {
      test(`every page of the ${role.name} passes axe`, async ({ page: signedInPage, browser, server }) => {
        let page = signedInPage;
        if (role.email) {
          await signInAs(page, role.email);
          if (language === "ar") await switchToArabic(page);
        } else {
          // The browser's language (Accept-Language) decides for anonymous readers.
          page = await (await browser.newContext({ baseURL: server.url, locale: language })).newPage();
        }
        await checkPages(page, role.paths);
        await expect(page.locator("html")).toHaveAttribute("lang", language);
      });
    }
  });
}
