import type { NextFunction, Request, Response } from "express";
import { describe, expect, test } from "vitest";
import { securityHeaders } from "../../../server/security";

function policyOf(middleware: ReturnType<typeof securityHeaders>): string {
  const headers = new Map<string, string>();
  const res = { locals: {}, setHeader: (name: string, value: string) => headers.set(name, value) } as unknown as Response;
  middleware({} as Request, res, (() => {}) as NextFunction);
  return headers.get("Content-Security-Policy")!;
}

describe("content security policy", () => {
  test("forms post only to Rungs itself, unless single sign-on adds the identity provider (signing out there)", () => {
    expect(policyOf(securityHeaders({ development: false }))).toContain("form-action 'self';");
    expect(policyOf(securityHeaders({ development: false, formTargets: ["https://example.okta.com"] }))).toContain("form-action 'self' https://example.okta.com;");
  });
});
