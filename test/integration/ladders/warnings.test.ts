import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { loader as statusLoader } from "~/routes/admin.ladders";
import { ladderState, reloadLadders, resetLadderRegistry } from "~/modules/ladders/registry.server";
import { createAdmin } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

const FOLDER = "test/fixtures/ladders/previous-release";

beforeAll(() => resetLadderRegistry(FOLDER));
afterAll(() => resetLadderRegistry("frameworks"));

describe("ladders that load with warnings", () => {
  test("are served, the server logs their warnings once when they load, not again on a reload of the same content", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const state = await ladderState();
    expect(state.served.map((entry) => entry.ladder.meta.id)).toEqual([
      "ft-operations",
      "monzo-operations",
    ]);
    expect(state.problems).toEqual([]);
    const logged = () =>
      warn.mock.calls.map(
        ([line]) =>
          JSON.parse(String(line)) as {
            level: string;
            msg: string;
            folder: string;
            warnings: string[];
          },
      );
    expect(logged()).toEqual([
      expect.objectContaining({
        level: "warn",
        msg: `Ladder ${FOLDER}/ft-operations loaded with warnings (2)`,
        warnings: [
          expect.stringContaining("the same text appears twice"),
          expect.stringContaining("the same text appears twice"),
        ],
      }),
      expect.objectContaining({
        level: "warn",
        msg: `Ladder ${FOLDER}/monzo-operations loaded with warnings (5)`,
      }),
    ]);
    await reloadLadders();
    expect(warn).toHaveBeenCalledTimes(2);
  });

  test("the admin ladders page lists each folder's warnings, as ladders:check prints them", async () => {
    const admin = await createAdmin();
    const { warnings, problems } = bodyOf<Awaited<ReturnType<typeof statusLoader>>>(
      await statusLoader(routeArgs(await signedInRequest("/admin/ladders", admin.id))),
    );
    expect(problems).toEqual([]);
    expect(warnings.map((entry) => [entry.folder, entry.lines.length])).toEqual([
      [`${FOLDER}/ft-operations`, 2],
      [`${FOLDER}/monzo-operations`, 5],
    ]);
    expect(warnings[1]!.lines).toContain(
      `${FOLDER}/monzo-operations/ladder.yaml:9:14 changelog[0].version: the newest changelog entry is for version "1.0.0" but the ladder is version "1.1.0"; add an entry for "1.1.0" at the top, or correct the ladder's version`,
    );
  });
});
