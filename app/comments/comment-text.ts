/**
 * Comments are plain text, never HTML: paragraphs split on blank lines, web addresses turned into
 * links (http, https and mailto only, so `javascript:` stays text). Rendering goes through React,
 * which escapes every piece.
 */
import { find } from "linkifyjs";

export type CommentSegment = { type: "text"; text: string } | { type: "link"; text: string; href: string };

export const MAX_COMMENT_LENGTH = 10_000;

const SAFE_SCHEME = /^(?:https?:\/\/|mailto:)/i;

export function commentParagraphs(text: string): CommentSegment[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map(linkSegments);
}

function linkSegments(paragraph: string): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let at = 0;
  for (const link of find(paragraph)) {
    if (link.type !== "url" && link.type !== "email") continue;
    if (!SAFE_SCHEME.test(link.href)) continue;
    if (link.start > at) segments.push({ type: "text", text: paragraph.slice(at, link.start) });
    segments.push({ type: "link", text: link.value, href: link.href });
    at = link.end;
  }
  if (at < paragraph.length) segments.push({ type: "text", text: paragraph.slice(at) });
  return segments;
}
