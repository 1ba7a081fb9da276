import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { scim } from "./helpers";

function command(args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/scim-token.ts", ...args], { env: { ...process.env }, encoding: "utf8", timeout: 60_000 });
}

describe("npm run -s scim:token -- --name NAME", () => {
  test("prints a working token alone on its last line and records it under that name; no name is refused", async () => {
    const made = command(["--name", "Entra ID"]);
    expect(made.status).toBe(0);
    const token = made.stdout.trim().split("\n").at(-1)!;
    expect(token).toMatch(/^rungs_scim_\S+$/);
    expect(await db.scimToken.count({ where: { name: "Entra ID", revokedAt: null } })).toBe(1);
    expect((await scim(token, "GET", "/Users")).status).toBe(200);

    const refused = command([]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("--name");
  }, 120_000);
});
