import { expect, signInAs, test } from "./fixtures";

const PARAGRAPH = "/c/unesco-ethics-of-ai/p/71";
const ARABIC_COMMENT = "نقترح إضافة إشارة صريحة إلى حقوق الشعوب الأصلية في هذه الفقرة.";

test("in Arabic the page runs right to left, mirrored, and a comment keeps its language", async ({ page }) => {
  await signInAs(page, "participant@demo.redraft.org");
  // The switcher is a form on every page; for a signed-in reader it also updates the profile.
  await page.getByRole("combobox", { name: "Language" }).selectOption("ar");
  await page.getByRole("button", { name: "Change" }).click();
  const html = page.locator("html");
  await expect(html).toHaveAttribute("dir", "rtl");
  await expect(html).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1, name: "المشاورات" })).toBeVisible();

  // Mirrored: the brand sits at the right edge, the main navigation to its left.
  const width = page.viewportSize()!.width;
  const brand = (await page.getByRole("link", { name: /Redraft/ }).boundingBox())!;
  const nav = (await page.getByRole("navigation", { name: "القائمة الرئيسية" }).boundingBox())!;
  expect(brand.x + brand.width).toBeGreaterThan(width * 0.8);
  expect(nav.x + nav.width).toBeLessThan(brand.x);

  // The draft's contents column is on the right of the text.
  await page.goto("/c/unesco-ethics-of-ai");
  const toc = (await page.getByRole("navigation", { name: "المحتويات" }).boundingBox())!;
  const draft = (await page.locator("article.draft").boundingBox())!;
  expect(toc.x).toBeGreaterThan(draft.x + draft.width - 1);

  // A comment written in Arabic.
  await page.goto(PARAGRAPH);
  await expect(page.getByRole("heading", { level: 1, name: "الفقرة 71" })).toBeVisible();
  const form = page.getByRole("form", { name: "التعليق على الفقرة 71" });
  await form.getByLabel("قلق").check();
  await form.getByLabel("تعليقك").fill(ARABIC_COMMENT);
  await expect(form.getByLabel("لغة التعليق")).toHaveValue("ar");
  await form.getByRole("button", { name: "نشر تعليقي" }).click();
  const comment = page.getByRole("listitem").filter({ hasText: ARABIC_COMMENT });
  await expect(comment).toBeVisible();
  await expect(comment.locator(".comment__language")).toHaveText("العربية");
  await expect(comment.locator(".comment__body")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("status").filter({ hasText: /^تعليق واحد$/ })).toBeVisible();

  // The draft page counts the paragraph's comments in the chosen language only.
  await page.goto("/c/unesco-ethics-of-ai?language=ar");
  await expect(page.getByRole("link", { name: "تعليق واحد على 71" })).toBeVisible();
  await page.goto("/c/unesco-ethics-of-ai?language=fr");
  await expect(page.getByRole("link", { name: "تعليق واحد على 71" })).toHaveCount(0);
  await page.goto(PARAGRAPH);

  // The filter by language finds it; another language does not.
  await page.getByLabel("اللغة المفضّلة").selectOption("ar");
  await page.getByRole("button", { name: "تصفية" }).click();
  await expect(comment).toBeVisible();
  await page.getByLabel("اللغة المفضّلة").selectOption("fr");
  await page.getByRole("button", { name: "تصفية" }).click();
  await expect(page.getByText(ARABIC_COMMENT)).toHaveCount(0);
});

test("the language of a comment is detected as it is typed, and the writer can correct it", async ({ page }) => {
  await signInAs(page, "participant@demo.redraft.org");
  await page.goto(PARAGRAPH);
  const form = page.getByRole("form", { name: "Comment on paragraph 71" });
  const language = form.getByLabel("Language of the comment");
  await expect(language).toHaveValue("en");
  await form.getByLabel("Question").check();
  await form.getByLabel("Your comment").fill("Предлагаем уточнить, кто отвечает за оценку рисков.");
  await expect(language).toHaveValue("ru");
  await form.getByRole("button", { name: "Publish my comment" }).click();
  const comment = page.getByRole("listitem").filter({ hasText: "Предлагаем уточнить" });
  await expect(comment.locator(".comment__language")).toHaveText("Русский");

  // A choice made by hand wins over the guess.
  await form.getByLabel("Question").check();
  await language.selectOption("es");
  await form.getByLabel("Your comment").fill("This is English text, filed as Spanish on purpose.");
  await expect(language).toHaveValue("es");
});
