import { describe, expect, test } from "vitest";
import { hostClass, mayDeliverTo } from "~/modules/webhooks/policy";

describe("where a webhook may go", () => {
  test.each([
    ["127.0.0.1", "loopback"],
    ["127.8.9.10", "loopback"],
    ["[::1]", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["[::ffff:7f00:1]", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["[fd00::1]", "private"],
    ["fc00::", "private"],
    ["[64:ff9b::a00:1]", "private"],
    ["2002:c0a8:101::", "private"],
    ["169.254.169.254", "metadata"],
    ["100.100.100.200", "metadata"],
    ["[fd00:ec2::254]", "metadata"],
    ["metadata.google.internal", "metadata"],
    ["METADATA.google.internal.", "metadata"],
    ["169.254.1.1", "link-local"],
    ["[fe80::1]", "link-local"],
    ["224.0.0.1", "multicast"],
    ["[ff02::1]", "multicast"],
    ["0.0.0.0", "reserved"],
    ["[::]", "reserved"],
    ["192.0.2.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["[2001:db8::1]", "reserved"],
    ["93.184.216.34", "public"],
    ["172.32.0.1", "public"],
    ["[2606:4700::1111]", "public"],
  ])("%s is %s", (host, place) => {
    expect(hostClass(host)).toBe(place);
  });

  test("a name that is not an address is resolved to know (localhost too)", () => {
    for (const host of ["hooks.example.com", "localhost", "10.0.0.1.example.com", "1.2.3"])
      expect(hostClass(host)).toBeNull();
  });

  test("the URL parser's other spellings of an address are classed as the address", () => {
    for (const [url, place] of [
      ["https://0x7f000001/", "loopback"],
      ["https://2130706433/", "loopback"],
      ["https://0177.0.0.1/", "loopback"],
      ["https://10.1/", "private"],
      ["https://[0:0:0:0:0:ffff:a9fe:a9fe]/", "metadata"],
    ] as const)
      expect(hostClass(new URL(url).hostname)).toBe(place);
  });

  test("only the outside, and this machine only when loopback is allowed", () => {
    expect(mayDeliverTo("public", false)).toBe(true);
    expect(mayDeliverTo("loopback", false)).toBe(false);
    expect(mayDeliverTo("loopback", true)).toBe(true);
    for (const place of ["private", "link-local", "multicast", "metadata", "reserved"] as const)
      expect(mayDeliverTo(place, true)).toBe(false);
  });
});
