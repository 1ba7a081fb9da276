import type { NextFunction, Request, Response } from "express";
import { describe, expect, test } from "vitest";
import { securityHeaders } from "../../../server/security";

function respond(middleware: ReturnType<typeof securityHeaders>): {
  policy: string;
  nonce: string;
} {
  const headers = new Map<string, string>();
  const res = {
    locals: {} as { cspNonce?: string },
    setHeader: (name: string, value: string) => headers.set(name, value),
  };
  middleware({} as Request, res as unknown as Response, (() => {}) as NextFunction);
  return { policy: headers.get("Content-Security-Policy")!, nonce: res.locals.cspNonce! };
}

const policyOf = (middleware: ReturnType<typeof securityHeaders>) => respond(middleware).policy;

describe("content security policy", () => {
  test("forms post only to Rungs itself, unless single sign-on adds the identity provider (signing out there)", () => {
    expect(policyOf(securityHeaders({ development: false }))).toContain("form-action 'self';");
    expect(
      policyOf(securityHeaders({ development: false, formTargets: ["https://example.okta.com"] })),
    ).toContain("form-action 'self' https://example.okta.com;");
  });

  test("each response gets its own nonce of 16 random bytes, the one its script-src names, across refills of the pool", () => {
    const middleware = securityHeaders({ development: false });
    const seen = new Set<string>();
    for (let i = 0; i < 1_000; i++) {
      const { policy, nonce } = respond(middleware);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
      expect(policy).toContain(`script-src 'self' 'nonce-${nonce}';`);
      seen.add(nonce);
    }
    expect(seen.size).toBe(1_000);
  });
});
