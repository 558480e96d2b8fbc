/**
 * The HTML part of an e-mail, rendered from its plain text with MJML (so it reads in the mail
 * clients that ignore modern CSS). mjml is heavy and most instances send little mail: it loads on
 * the first e-mail sent (decision 017).
 */
import type { Language } from "../../db/schema";
import { textDirection } from "../i18n/translate";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Escaped text with its web addresses as links and its line breaks kept. */
export function paragraphHtml(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/g)
    .map((part, i) => (i % 2 === 1 ? `<a href="${escape(part)}">${escape(part)}</a>` : escape(part)))
    .join("")
    .replace(/\n/g, "<br />");
}

/** The MJML document for a plain-text e-mail: one block per paragraph, the footer smaller. */
export function emailMjml(email: { subject: string; body: string; language: Language }): string {
  const [main, footer] = email.body.split(/\n-- \n/);
  const paragraphs = (main ?? "")
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== "")
    .map((p) => `<mj-text font-size="16px" line-height="1.5">${paragraphHtml(p.trim())}</mj-text>`)
    .join("\n");
  const dir = textDirection(email.language);
  return `<mjml lang="${email.language}" dir="${dir}">
  <mj-head><mj-title>${escape(email.subject)}</mj-title><mj-attributes><mj-all font-family="Arial, Helvetica, sans-serif" color="#1a1a1a" /></mj-attributes></mj-head>
  <mj-body background-color="#f4f4f4">
    <mj-section background-color="#ffffff" padding="24px"><mj-column>
${paragraphs}
    </mj-column></mj-section>
    ${footer ? `<mj-section padding="12px 24px"><mj-column><mj-text font-size="13px" color="#555555">${paragraphHtml(footer.trim())}</mj-text></mj-column></mj-section>` : ""}
  </mj-body>
</mjml>`;
}

type Mjml = (input: string, options?: object) => Promise<{ html: string; errors: unknown[] }>;
let mjml: Mjml | undefined;

export async function renderEmailHtml(email: { subject: string; body: string; language: Language }): Promise<string> {
  if (!mjml) {
    const loaded = await import("mjml");
    mjml = ((loaded as { default?: unknown }).default ?? loaded) as unknown as Mjml;
  }
  const { html } = await mjml(emailMjml(email), { validationLevel: "soft" });
  return html;
}
