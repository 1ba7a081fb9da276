// One session read per request (decision 006): the root loader and the page's loaders, run by the
// real React Router handler with the root's middleware, share who is signed in and the to-do list.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countStatements } from "~/db/statement-count.server";
import { handleError } from "~/entry.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import * as root from "~/root";
import * as home from "~/routes/_index";
import * as teamHealth from "~/routes/team-health._index";
import * as personFeedback from "~/routes/feedback.cycles.$cycleId.people.$personId";
import { db } from "~/db/client.server";
import { saveFeedbackSettings } from "~/modules/feedback/feedback.server";
import { FeedbackSettingsSchema } from "~/modules/feedback/settings";
import { createPerson } from "../../utils/factories";
import { route, serveBuild, serverBuild } from "../../utils/server-build";

const build = serverBuild(
  {
    root: route("root", "", root),
    "routes/_index": route("routes/_index", undefined, home, { index: true }),
    "routes/team-health._index": route("routes/team-health._index", "team-health", teamHealth),
    "routes/feedback.cycles.$cycleId.people.$personId": route(
      "routes/feedback.cycles.$cycleId.people.$personId",
      "feedback/cycles/:cycleId/people/:personId",
      personFeedback,
    ),
  },
  { handleError },
);

let server: Awaited<ReturnType<typeof serveBuild>>;
beforeAll(async () => {
  server = await serveBuild(build);
});
afterAll(async () => server.close());

const sessionReads = (statements: string[]) =>
  statements.filter((sql) => sql.includes('FROM "Session" s JOIN "User" u')).length;
/** The to-do list's read of the person's own cycles: once per list worked out. */
const todoReads = (statements: string[]) =>
  statements.filter((sql) => sql.includes("SELECT 'own' AS kind")).length;

describe("the loaders of one request", () => {
  test("the home page and its .data read the session, and work out the to-do list, once for the root and the page together; a new request reads again", async () => {
    const person = await createPerson();
    const cookie = (await startSession(person.id)).split(";")[0]!;
    for (const path of ["/", "/_.data"]) {
      const { result, statements } = await countStatements(() =>
        server.send("GET", path, { Cookie: cookie }),
      );
      expect(result.status, path).toBe(200);
      expect(sessionReads(statements), path).toBe(1);
      expect(todoReads(statements), path).toBe(1);
    }
  });

  test("the team health page asks once who is below the reader, for its list and its start link alike", async () => {
    const person = await createPerson();
    const cookie = (await startSession(person.id)).split(";")[0]!;
    const { result, statements } = await countStatements(() =>
      server.send("GET", "/team-health.data", { Cookie: cookie }),
    );
    expect(result.status).toBe(200);
    // Nobody is below this reader: the range is read only by the check for anyone there.
    expect(statements.filter((sql) => /linePath[`"]? >= /.test(sql))).toHaveLength(1);
  });

  test("a person's feedback page reads the cycle's feedback settings and the person once, for the page and the release it shows", async () => {
    const manager = await createPerson({ name: "Mae Manager", track: "manager", level: "m1" });
    const engineer = await createPerson({ managerId: manager.id, track: "ic", level: "ic2" });
    const admin = await createPerson({ isAdmin: true });
    const cycle = await db.reviewCycle.create({
      data: {
        name: `Memo ${engineer.id}`,
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [{ userId: engineer.id }] },
      },
    });
    await saveFeedbackSettings(
      admin,
      cycle.id,
      FeedbackSettingsSchema.parse({ peer: true, dueOn: "2099-06-30", minPeers: 2, maxPeers: 3 }),
    );
    const cookie = (await startSession(manager.id)).split(";")[0]!;
    const { result, statements } = await countStatements(() =>
      server.send("GET", `/feedback/cycles/${cycle.id}/people/${engineer.id}.data`, {
        Cookie: cookie,
      }),
    );
    expect(result.status).toBe(200);
    // Prisma's reads of one table, as either database writes them.
    const readOf = (table: string, columns = "") =>
      new RegExp(
        `^SELECT ${columns}.* FROM [\`"](main|public)[\`"]\\.[\`"]${table}[\`"]( AS "t0")? WHERE`,
      );
    const settingsReads = readOf("FeedbackSettings");
    expect(statements.filter((sql) => settingsReads.test(sql))).toHaveLength(1);
    // And the person's row once, for the page and the requests it lists.
    const personReads = readOf("User", ".*teamId.*deactivatedAt");
    expect(statements.filter((sql) => personReads.test(sql))).toHaveLength(1);
  });
});
