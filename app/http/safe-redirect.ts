/**
 * Where to send a visitor after signing in, registering or switching language: a path on this
 * site, whatever the encoding of the target; anything else goes to the fallback (no open redirect).
 *
 * Browsers are lenient where an attacker wants them to be: they read `/\evil.example` and
 * `//evil.example` as other hosts, drop tabs and newlines inside URLs (`/\t/evil.example`), and a
 * target may be decoded once more by whatever hands it on (`%2F%2Fevil.example`). So the target is
 * refused if any of its decodings holds a backslash, a control character or starts with two
 * slashes, and what is returned is re-serialised from the URL parser's reading of it.
 */
const BASE = "http://redraft.invalid";
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

function decodings(target: string): string[] {
  const all = [target];
  let current = target;
  // Three rounds cover double encoding and more; a string that stops changing stops the loop.
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      break;
    }
    if (next === current) break;
    all.push(next);
    current = next;
  }
  return all;
}

export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || target.length === 0 || target.length > 2000) return fallback;
  for (const form of decodings(target)) {
    if (!form.startsWith("/") || form.startsWith("//") || UNSAFE.test(form)) return fallback;
  }
  let url: URL;
  try {
    url = new URL(target, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
