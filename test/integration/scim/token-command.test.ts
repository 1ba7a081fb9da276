import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { scim } from "./helpers";

function command(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/scim-token.ts", ...args], {
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
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

  test("gives the SCIM base URL under PUBLIC_URL when it is set", async () => {
    const made = command(["--name", "Okta"], { PUBLIC_URL: "https://rungs.example.com/" });
    expect(made.status).toBe(0);
    expect(made.stdout).toContain("Base URL: https://rungs.example.com/scim/v2\n");
    expect(command(["--name", "Okta again"]).stdout).toContain(
      "Base URL: <your Rungs address>/scim/v2\n",
    );
  }, 120_000);
});
