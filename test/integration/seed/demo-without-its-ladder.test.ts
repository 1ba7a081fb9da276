import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import { resetLadderRegistry } from "~/modules/ladders/registry.server";
import { seedDemoIfEmpty } from "../../../prisma/seed/demo";

/** A company's own ladder folder: no shipped engineering ladder in it. */
const dir = mkdtempSync(join(tmpdir(), "rungs-own-ladders-"));
beforeAll(() => {
  cpSync("test/fixtures/ladders/product", join(dir, "product"), { recursive: true });
  resetLadderRegistry(dir);
});
afterAll(() => {
  resetLadderRegistry("frameworks");
  rmSync(dir, { recursive: true, force: true });
});

test("with the demo on and only the company's own ladders, the demo is skipped with one line and nothing is written", async () => {
  const lines: string[] = [];
  vi.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  await seedDemoIfEmpty();
  expect(lines).toEqual([
    expect.stringMatching(/^Demo organisation skipped: it needs the "engineering" ladder/),
  ]);
  expect(await db.user.count()).toBe(0);
  expect(await db.auditEvent.count()).toBe(0);
});
