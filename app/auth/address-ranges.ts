/**
 * Address ranges the secretariat allows for a meeting (decision 027), parsed with ipaddr.js: an
 * address (a /32 or /128) or a CIDR range, IPv4 or IPv6.
 */
import ipaddr from "ipaddr.js";

/**
 * The widest ranges accepted: a campus or a conference venue is at most a /16 (65,536 IPv4
 * addresses) and an IPv6 site a /48. Wider ones (a /0 would exempt the whole Internet) are refused.
 */
export const WIDEST_IPV4_PREFIX = 16;
export const WIDEST_IPV6_PREFIX = 48;
/** Ranges allowed at once: a few meetings in a day, with room to spare. */
export const MAX_ACTIVE_ALLOWANCES = 50;
/** Durations offered; 24 hours is the default (decision 027). */
export const ALLOWANCE_HOURS = [4, 12, 24, 48, 72] as const;
export const DEFAULT_ALLOWANCE_HOURS = 24;

export type RangeProblem = "admin.allowances.range.invalid" | "admin.allowances.range.tooWide";

export type ParsedRange = { ok: true; cidr: string; range: [ipaddr.IPv4 | ipaddr.IPv6, number] } | { ok: false; problem: RangeProblem };

/** An address or range as typed, normalised to its network ("192.0.2.7/24" → "192.0.2.0/24"). */
export function parseRange(input: string): ParsedRange {
  const text = input.trim();
  if (text.length === 0 || text.length > 64) return { ok: false, problem: "admin.allowances.range.invalid" };
  let address: ipaddr.IPv4 | ipaddr.IPv6;
  let prefix: number;
  try {
    if (text.includes("/")) {
      [address, prefix] = ipaddr.parseCIDR(text);
    } else {
      address = ipaddr.parse(text);
      prefix = address.kind() === "ipv4" ? 32 : 128;
    }
  } catch {
    return { ok: false, problem: "admin.allowances.range.invalid" };
  }
  // An IPv4 address written the IPv6 way (::ffff:192.0.2.7/120) is the IPv4 range.
  if (address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= 96) {
    address = (address as ipaddr.IPv6).toIPv4Address();
    prefix -= 96;
  }
  const widest = address.kind() === "ipv4" ? WIDEST_IPV4_PREFIX : WIDEST_IPV6_PREFIX;
  if (prefix < widest) return { ok: false, problem: "admin.allowances.range.tooWide" };
  const cidr = `${address.kind() === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(`${address}/${prefix}`) : ipaddr.IPv6.networkAddressFromCIDR(`${address}/${prefix}`).toRFC5952String()}/${prefix}`;
  return { ok: true, cidr, range: ipaddr.parseCIDR(cidr) };
}

/** Whether a client's address (as Express gives it: IPv4, IPv6 or IPv4-mapped IPv6) is in a range. */
export function addressInRange(address: string, range: [ipaddr.IPv4 | ipaddr.IPv6, number]): boolean {
  if (!ipaddr.isValid(address)) return false;
  // "::ffff:192.0.2.7" (an IPv4 client on a dual-stack socket) is the IPv4 address.
  const client = ipaddr.process(address);
  if (client.kind() !== range[0].kind()) return false;
  return client.match(range);
}
