import { expect, test } from "vitest";
import { redactPath } from "../../../server/request-log";

test("one-time sign-in links are not written to the log", () => {
  expect(redactPath("/set-password/abcDEF123_-")).toBe("/set-password/[redacted]");
  expect(redactPath("/admin/people")).toBe("/admin/people");
});
