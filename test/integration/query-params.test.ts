import { beforeAll, describe, expect, test } from "vitest";
import { TEAM_PAGE_SIZE } from "~/modules/team/overview.server";
import * as auditRoute from "~/routes/admin.audit";
import * as cycleRoute from "~/routes/admin.cycles.$cycleId";
import * as peopleRoute from "~/routes/admin.people._index";
import * as optionsRoute from "~/routes/admin.team-options";
import * as compareRoute from "~/routes/ladders.$ladderId.compare";
import * as searchRoute from "~/routes/ladders.$ladderId.search";
import * as versionsRoute from "~/routes/ladders.$ladderId.versions";
import * as gapRoute from "~/routes/people.$personId.gap";
import * as teamRoute from "~/routes/team";
import { servedLadders } from "~/modules/ladders/registry.server";
import { db } from "~/db/client.server";
import { rebuildReportingLine } from "~/modules/people/reporting-line.server";
import { createAdmin, createPerson, uniqueEmail } from "../utils/factories";
import { bodyOf, routeArgs, statusOf, thrown } from "../utils/responses";
import { signedInRequest } from "../utils/session";

/**
 * Every query parameter a loader reads, given what a person (or a scanner) can type:
 * page numbers are clamped to the list, unknown choices are a 400 that says what is
 * allowed, text is bounded; nothing is a 500.
 */

let admin: { id: string };
let boss: { id: string };
let cycleId: string;
let ladderId: string;

beforeAll(async () => {
  admin = await createAdmin({ name: "Query Admin" });
  boss = await createPerson({ name: "Query Boss", track: "manager", level: "m2" });
  const people = Array.from({ length: TEAM_PAGE_SIZE + 3 }, (_, index) => ({
    name: `Query Report ${String(index).padStart(2, "0")}`,
    email: uniqueEmail("report"),
    managerId: boss.id,
    track: "ic",
    level: "ic1",
  }));
  await db.user.createMany({ data: people });
  await rebuildReportingLine(db);
  const reports = await db.user.findMany({ where: { managerId: boss.id }, select: { id: true } });
  const cycle = await db.reviewCycle.create({
    data: {
      name: `Query cycle ${uniqueEmail()}`,
      startsOn: new Date(),
      endsOn: new Date(Date.now() + 30 * 86_400_000),
      participants: { create: reports.map(({ id }) => ({ userId: id })) },
    },
  });
  cycleId = cycle.id;
  ladderId = (await servedLadders())[0]!.ladder.meta.id;
});

/** Runs a loader; a thrown answer is the answer. */
async function answer(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error) throw error;
    return error;
  }
}

const team = async (query: string) =>
  answer(async () => teamRoute.loader(routeArgs(await signedInRequest(`/team?${query}`, boss.id))));
const people = async (query: string) =>
  answer(async () =>
    peopleRoute.loader(routeArgs(await signedInRequest(`/admin/people?${query}`, admin.id))),
  );
const audit = async (query: string) =>
  answer(async () =>
    auditRoute.loader(routeArgs(await signedInRequest(`/admin/audit?${query}`, admin.id))),
  );
const progress = async (query: string) =>
  answer(async () =>
    cycleRoute.loader(
      routeArgs(await signedInRequest(`/admin/cycles/${cycleId}?${query}`, admin.id), { cycleId }),
    ),
  );

const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
const lists = { team, people, audit, progress };

describe("page numbers", () => {
  const last = ["99999999999999999999", "9007199254740993", "9".repeat(400), "1000000000000"];
  const first = ["-5", "0", "abc", "1.5", "1e308", "Infinity", "0x10", " ", "", "%00", "\u0000"];

  test.each(Object.keys(lists))(
    "%s: past the last page (even past Number.MAX_SAFE_INTEGER) is the last page",
    async (list) => {
      for (const page of last) {
        const result = await lists[list as keyof typeof lists](q({ page }));
        expect(statusOf(result), page).toBe(200);
        const { page: shown, pageCount } = bodyOf<{ page: number; pageCount: number }>(result);
        expect(shown, page).toBe(pageCount);
      }
    },
  );

  test.each(Object.keys(lists))(
    "%s: a page that is not a whole number from 1 is the first page",
    async (list) => {
      for (const page of first) {
        const result = await lists[list as keyof typeof lists](q({ page }));
        expect(statusOf(result), JSON.stringify(page)).toBe(200);
        expect(bodyOf<{ page: number }>(result).page, JSON.stringify(page)).toBe(1);
      }
    },
  );

  test("the team overview's last page holds the last people", async () => {
    const result = bodyOf<{
      page: number;
      pageCount: number;
      groups: { members: { name: string }[] }[];
    }>(await team(q({ page: "99999999999999999999" })));
    expect(result).toMatchObject({ page: 2, pageCount: 2 });
    expect(result.groups.flatMap((group) => group.members.map((member) => member.name))).toEqual(
      [0, 1, 2].map((n) => `Query Report ${String(TEAM_PAGE_SIZE + n).padStart(2, "0")}`),
    );
  });
});

describe("choices", () => {
  test.each([
    [
      "team overview state",
      () => team(q({ state: "drop table" })),
      /state “drop table”.*not-started.*not-in-cycle/,
    ],
    ["team overview view", () => team(q({ show: "everything" })), /“everything”.*attention/],
    [
      "cycle progress state",
      () => progress(q({ state: "not-in-cycle" })),
      /state “not-in-cycle”.*not-started/,
    ],
    [
      "people status",
      () => people(q({ status: "retired" })),
      /status “retired”.*active, deactivated, all/,
    ],
    [
      "people role",
      () => people(q({ role: "owner" })),
      /role “owner”.*admin, hiring-admin, manager/,
    ],
  ])("an unknown %s is a 400 that names the allowed values", async (_name, run, message) => {
    const result = await run();
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<{ message: string }>(result).message).toMatch(message);
  });

  test("the value shown back is cut short", async () => {
    const result = await people(q({ role: "x".repeat(5000) }));
    expect(statusOf(result)).toBe(400);
    expect(bodyOf<{ message: string }>(result).message.length).toBeLessThan(200);
  });

  test("an empty choice means no filter, as the forms' “any” options send it", async () => {
    expect(statusOf(await team(q({ state: "", show: "" })))).toBe(200);
    expect(statusOf(await progress(q({ state: "" })))).toBe(200);
    const everyone = await people(q({ status: "", role: "" }));
    expect(statusOf(everyone)).toBe(200);
    expect(bodyOf<{ filters: { status: string } }>(everyone).filters.status).toBe("active");
  });
});

describe("text and ids", () => {
  const long = "x".repeat(5000);

  test("overlong or control-character text is bounded, never a 500", async () => {
    const searched = await people(
      q({ q: `${long}\u0000`, team: long, manager: long, track: long, level: long }),
    );
    expect(statusOf(searched)).toBe(200);
    const filters = bodyOf<{ filters: Record<string, string> }>(searched).filters;
    for (const key of ["q", "teamId", "managerId", "track", "level"])
      expect(filters[key]!.length, key).toBeLessThanOrEqual(200);
    expect(filters.q).not.toContain("\u0000");
    expect(statusOf(await people(q({ q: "\u0000" })))).toBe(200);
    expect(statusOf(await progress(q({ teamName: long })))).toBe(200);
    expect(statusOf(await team(q({ cycle: long })))).toBe(404);
    expect(statusOf(await progress(q({ team: long })))).toBe(400);
  });

  test("the other loaders that read the query string", async () => {
    const ladder = { ladderId };
    const get = async (path: string, viewerId: string) => signedInRequest(path, viewerId);
    expect(
      statusOf(
        await answer(async () =>
          searchRoute.loader(
            routeArgs(
              await get(`/ladders/${ladderId}/search?${q({ q: `${long}\u0000` })}`, admin.id),
              ladder,
            ),
          ),
        ),
      ),
    ).toBe(200);
    expect(
      statusOf(
        await answer(async () =>
          versionsRoute.loader(
            routeArgs(
              await get(
                `/ladders/${ladderId}/versions?${q({ from: long, to: "\u0000" })}`,
                admin.id,
              ),
              ladder,
            ),
          ),
        ),
      ),
    ).toBe(404);
    const compared = await answer(async () =>
      compareRoute.loader(
        routeArgs(
          await get(`/ladders/${ladderId}/compare?${q({ from: long, to: "ic1" })}`, admin.id),
          ladder,
        ),
      ),
    );
    expect(statusOf(compared)).toBe(400);
    expect(JSON.stringify(bodyOf(compared)).length).toBeLessThan(long.length);
    const report = (
      await db.user.findFirstOrThrow({ where: { managerId: boss.id }, select: { id: true } })
    ).id;
    const gap = await answer(async () =>
      gapRoute.loader(
        routeArgs(await get(`/people/${report}/gap?${q({ target: long })}`, boss.id), {
          personId: report,
        }),
      ),
    );
    expect(statusOf(gap)).toBe(400);
    const options = (await answer(async () =>
      optionsRoute.loader(routeArgs(await get(`/admin/team-options?${q({ q: long })}`, admin.id))),
    )) as Response;
    expect(options.status).toBe(200);
    expect(
      statusOf(
        await thrown(async () =>
          teamRoute.loader(routeArgs(await get("/team?state=bogus", boss.id))),
        ),
      ),
    ).toBe(400);
  });
});
