/** URL slug from a title: lower-case ASCII words joined by hyphens, at most `max` characters. */
export function slugify(title: string, max = 80): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return (slug.slice(0, max).replace(/-+$/, "") || "document");
}
