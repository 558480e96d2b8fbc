import { describe, expect, it } from "vitest";
import { addressInRange, parseRange } from "./address-ranges";

describe("parseRange", () => {
  it.each([
    ["196.201.214.7/24", "196.201.214.0/24"],
    ["196.201.214.7", "196.201.214.7/32"],
    [" 10.20.0.0/16 ", "10.20.0.0/16"],
    ["2001:db8:12:0::1/48", "2001:db8:12::/48"],
    ["2001:db8::1", "2001:db8::1/128"],
    ["::ffff:192.0.2.7/120", "192.0.2.0/24"],
  ])("accepts %s as %s", (input, cidr) => {
    expect(parseRange(input)).toMatchObject({ ok: true, cidr });
  });

  it.each(["0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/15", "::/0", "2001:db8::/32"])("refuses %s as too wide", (input) => {
    expect(parseRange(input)).toEqual({ ok: false, problem: "admin.allowances.range.tooWide" });
  });

  it.each(["", "nairobi", "300.1.1.1", "10.0.0.0/33", "10.0.0.0/", "2001:db8::/129", "x".repeat(100)])("refuses %j as not an address", (input) => {
    expect(parseRange(input)).toEqual({ ok: false, problem: "admin.allowances.range.invalid" });
  });
});

describe("addressInRange", () => {
  const range = (text: string) => {
    const parsed = parseRange(text);
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.range;
  };

  it("matches IPv4 clients, written plainly or IPv4-mapped", () => {
    expect(addressInRange("192.0.2.200", range("192.0.2.0/24"))).toBe(true);
    expect(addressInRange("::ffff:192.0.2.200", range("192.0.2.0/24"))).toBe(true);
    expect(addressInRange("192.0.3.1", range("192.0.2.0/24"))).toBe(false);
  });

  it("matches IPv6 clients and never mixes the families", () => {
    expect(addressInRange("2001:db8:12:ff::9", range("2001:db8:12::/48"))).toBe(true);
    expect(addressInRange("2001:db8:13::9", range("2001:db8:12::/48"))).toBe(false);
    expect(addressInRange("192.0.2.1", range("2001:db8:12::/48"))).toBe(false);
    expect(addressInRange("unknown", range("192.0.2.0/24"))).toBe(false);
  });
});
