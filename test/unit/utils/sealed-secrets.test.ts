import { randomBytes } from "node:crypto";
import { describe, expect, test } from "vitest";
import { openSecret, sealSecret, SecretUnopenedError } from "~/utils/sealed-secrets.server";

const key = () => randomBytes(32).toString("base64");

describe("secrets sealed at rest", () => {
  test("sealed with the first key, opened with any of them; a rotated key still opens what it sealed", () => {
    const [old, current] = [key(), key()];
    const sealed = sealSecret("whsec_abc", [old]);
    expect(sealed).toMatch(/^sealed:v1:/);
    expect(sealed).not.toContain("whsec_abc");
    expect(sealSecret("whsec_abc", [old])).not.toBe(sealed);
    expect(openSecret(sealed, [current, old])).toBe("whsec_abc");
    expect(openSecret(sealSecret("whsec_abc", [current, old]), [current])).toBe("whsec_abc");
  });

  test("without keys a secret is kept as it is; a sealed one needs its key back", () => {
    expect(sealSecret("whsec_abc", undefined)).toBe("whsec_abc");
    expect(openSecret("whsec_abc", undefined)).toBe("whsec_abc");
    const sealed = sealSecret("whsec_abc", [key()]);
    expect(() => openSecret(sealed, undefined)).toThrow(SecretUnopenedError);
    expect(() => openSecret(sealed, [key()])).toThrow(SecretUnopenedError);
  });
});
