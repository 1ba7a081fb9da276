// Read replicas against a real streaming replica of the test server (scripts/replica.ts, decision
// 116), held behind the primary by pausing its replay: the reads asked for as "may be a moment old"
// go to the replica (model and raw reads alike) and every other read to the primary; through the
// real request handler, a person reads back their own save while the replica is behind, a write
// refused on the primary's newest state stays refused, a figure hidden by a floor raised on the
// primary does not appear, and the goal tree shows the objectives the primary lets a person read
// with the replica's progress. Runs on PostgreSQL with the replica the test run starts; skipped
// without.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  const server = process.env.TEST_POSTGRES_REPLICA_URL;
  const own = process.env.DATABASE_DIRECT_URL ?? process.env.DATABASE_URL ?? "";
  if (server && own.startsWith("postgres")) {
    // This file's database, on the replica (the server's CREATE DATABASE reached it as WAL).
    const url = new URL(server);
    url.pathname = new URL(own).pathname;
    process.env.DATABASE_REPLICA_URLS = url.toString();
  }
});

import { db } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { mayLag, routedReads, withRequestReads } from "~/db/replicas.server";
import { handleError } from "~/entry.server";
import { SMALL_GROUP_FLOOR } from "~/modules/disclosure/floor";
import { createSession } from "~/modules/calibration/sessions.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import {
  addKeyResult,
  checkIn,
  createObjective,
  shareObjective,
} from "~/modules/goals/goals.server";
import * as root from "~/root";
import * as auditRoute from "~/routes/access-audit";
import * as teamsRoute from "~/routes/admin.teams";
import * as goalsRoute from "~/routes/goals._index";
import * as objectiveRoute from "~/routes/goals.objectives.$objectiveId";
import { seeded } from "../../../prisma/seed/random";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { route, serveBuild, serverBuild } from "../../utils/server-build";
import { signedInRequest } from "../../utils/session";
import { goalsOrganisation, metric } from "../goals/fixtures";

const replicaUrl = process.env.DATABASE_REPLICA_URLS ?? null;
const primaryUrl = process.env.DATABASE_DIRECT_URL ?? process.env.DATABASE_URL ?? "";
/** Replay is the replica's, not a database's: held and released from its `postgres` database, where .ci/run lets the test role do it. */
const replicaServerUrl = (() => {
  if (!replicaUrl) return "";
  const url = new URL(replicaUrl);
  url.pathname = "/postgres";
  return url.toString();
})();

async function query<T>(url: string, sql: string): Promise<[T, ...T[]]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as [T, ...T[]];
  } finally {
    await client.end();
  }
}

/**
 * Waits until the replica has replayed everything the primary has written so far. Asked of the
 * replica's `postgres` database: this file's own database reaches the replica as WAL too, and may
 * not be there yet.
 */
async function caughtUp() {
  const [{ lsn }] = await query<{ lsn: string }>(
    primaryUrl,
    "SELECT pg_current_wal_lsn()::text AS lsn",
  );
  for (const started = Date.now(); Date.now() - started < 20_000;) {
    const [{ behind }] = await query<{ behind: boolean }>(
      replicaServerUrl,
      `SELECT coalesce(pg_last_wal_replay_lsn() < '${lsn}'::pg_lsn, true) AS behind`,
    );
    if (!behind) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("The replica did not catch up within 20 s");
}

/** Holds the replica's replay: from here on it is behind the primary until `release`. */
async function hold() {
  await caughtUp();
  await query(replicaServerUrl, "SELECT pg_wal_replay_pause()");
  for (;;) {
    const [{ state }] = await query<{ state: string }>(
      replicaServerUrl,
      "SELECT pg_get_wal_replay_pause_state() AS state",
    );
    if (state === "paused") return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function release() {
  await query(replicaServerUrl, "SELECT pg_wal_replay_resume()");
  await caughtUp();
}

/** As the root's middleware runs a page's loaders: a GET of no session that wrote lately. */
const asPage = <T>(run: () => Promise<T>) =>
  withRequestReads({ method: "GET", wrote: false, wroteAt: null }, run);

type Person = Awaited<ReturnType<typeof createPerson>>;
let admin: Person;
const atlas: Person[] = [];

const build = serverBuild(
  {
    root: route("root", "", root),
    "routes/admin.teams": route("routes/admin.teams", "admin/teams", teamsRoute),
    "routes/goals._index": route("routes/goals._index", "goals", goalsRoute),
    "routes/goals.objectives.$objectiveId": route(
      "routes/goals.objectives.$objectiveId",
      "goals/objectives/:objectiveId",
      objectiveRoute,
    ),
  },
  { handleError },
);
let server: Awaited<ReturnType<typeof serveBuild>>;

beforeAll(async () => {
  if (!replicaUrl) return;
  server = await serveBuild(build);
  admin = await createAdmin({ name: "Ada Admin" });
  await accessAuditPopulation();
  await caughtUp();
});

afterAll(async () => {
  if (!replicaUrl) return;
  // Never leave the shared replica held for the files after this one.
  await query(replicaServerUrl, "SELECT pg_wal_replay_resume()").catch(() => {});
  await server.close();
});

describe.skipIf(!replicaUrl)("with a read replica", () => {
  test("reads that may be a moment old go to the replica, model and raw alike; every other read goes to the primary", async () => {
    await hold();
    try {
      await db.team.create({ data: { name: "Made while the replica is held" } });
      const teams = await db.team.count();
      const onReplica = routedReads.replica;
      expect(await asPage(() => mayLag(() => db.team.count()))).toBe(teams - 1);
      const [row] = (await asPage(() =>
        mayLag(() => readRows`SELECT count(*) AS n FROM "Team"`),
      )) as { n: bigint }[];
      expect(Number(row!.n)).toBe(teams - 1);
      expect(routedReads.replica).toBe(onReplica + 2);

      // Not asked for (a rule's facts), an action, no request (a job, start-up), a transaction.
      expect(await asPage(() => db.team.count())).toBe(teams);
      expect(
        await withRequestReads({ method: "POST", wrote: false, wroteAt: null }, () =>
          mayLag(() => db.team.count()),
        ),
      ).toBe(teams);
      expect(await mayLag(() => db.team.count())).toBe(teams);
      expect(await asPage(() => mayLag(() => db.$transaction((tx) => tx.team.count())))).toBe(
        teams,
      );
      // A request that wrote reads its own write from then on.
      expect(
        await asPage(() =>
          mayLag(async () => {
            await db.team.create({ data: { name: "Made by the page itself" } });
            return db.team.count();
          }),
        ),
      ).toBe(teams + 1);
      expect(routedReads.replica).toBe(onReplica + 2);
    } finally {
      await release();
    }
  });

  test("while the replica is behind, an admin reads back the team they just made, on the next request too; another reader sees the list a moment old", async () => {
    const cookie = (await startSession(admin.id)).split(";")[0]!;
    // The admin's team list is one whose counts may be a moment old (listTeams).
    const list = (extra = "") =>
      server.send("GET", "/admin/teams.data", { Cookie: `${cookie}${extra}` });
    expect((await list()).status).toBe(200);
    await hold();
    try {
      const name = "Platform made while held";
      const made = await server.send(
        "POST",
        "/admin/teams",
        { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        new URLSearchParams({ intent: "create", name }).toString(),
      );
      expect(made.status).toBe(302);
      const wrote = [made.headers["set-cookie"] ?? []]
        .flat()
        .find((header) => header.startsWith("rungs-wrote="));
      expect(wrote).toMatch(/^rungs-wrote=[0-9A-F]+\/[0-9A-F]+; Path=\/; Max-Age=600; HttpOnly/);
      const written = `; ${wrote!.split(";")[0]}`;

      // Their next page, with the cookie their save set: read on the primary, their team is there.
      const own = await list(written);
      expect(own.status).toBe(200);
      expect(own.body).toContain(name);
      // The same list without it (another admin, another device) is the replica's: a moment old.
      const onReplica = routedReads.replica;
      const other = await list();
      expect(other.body).not.toContain(name);
      expect(routedReads.replica).toBeGreaterThan(onReplica);
    } finally {
      await release();
    }
    // Once the replica has replayed their write, their reads go to it again, and find the team.
    const onReplica = routedReads.replica;
    const after = await list();
    expect(after.body).toContain("Platform made while held");
    expect(routedReads.replica).toBeGreaterThan(onReplica);
  });

  test("an admin demoted on the primary is refused, though the replica still says admin: no team is made, no list is shown", async () => {
    const former = await createAdmin({ name: "Fred Former" });
    const cookie = (await startSession(former.id)).split(";")[0]!;
    await hold();
    try {
      await db.user.update({ where: { id: former.id }, data: { isAdmin: false } });
      const [onReplica] = await query<{ isAdmin: boolean }>(
        replicaUrl!,
        `SELECT "isAdmin" FROM "User" WHERE id = '${former.id}'`,
      );
      expect(onReplica!.isAdmin).toBe(true);

      const name = "Made by a former admin";
      const refused = await server.send(
        "POST",
        "/admin/teams",
        { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        new URLSearchParams({ intent: "create", name }).toString(),
      );
      expect(refused.status).toBe(403);
      expect(await db.team.findFirst({ where: { name } })).toBeNull();
      const list = await server.send("GET", "/admin/teams.data", { Cookie: cookie });
      expect(list.status).toBe(403);
    } finally {
      await release();
    }
  });

  test("a floor raised on the primary hides the team's figures at once, though the records counted are read on the held replica", async () => {
    // Signed in first: starting a session is a write, and a request that wrote reads the primary.
    const request = await signedInRequest("/access-audit", admin.id);
    const read = async () =>
      bodyOf<Awaited<ReturnType<typeof auditRoute.loader>>>(
        await asPage(() => auditRoute.loader(routeArgs(request))),
      );
    const atlasGroup = (view: Awaited<ReturnType<typeof read>>) =>
      view.audits
        .find((entry) => entry.id === "opportunities")!
        .audit.dimensions.find((dimension) => dimension.id === "team")!
        .groups.find((group) => group.value === "Atlas");
    const before = await read();
    expect(before.floor).toBe(SMALL_GROUP_FLOOR);
    expect(atlasGroup(before)).toMatchObject({ shown: true });

    await hold();
    try {
      const cycle = await db.reviewCycle.create({
        data: {
          name: "Atlas half-year",
          startsOn: new Date(Date.now() - 5 * DAY),
          endsOn: new Date(Date.now() + 60 * DAY),
          participants: { create: atlas.map((person) => ({ userId: person.id })) },
        },
      });
      const created = await createSession(
        { ...admin, isHiringAdmin: false },
        {
          name: "Atlas calibration",
          cycleId: cycle.id,
          ladderId: "engineering",
          facilitatorEmail: admin.email,
          population: "cycle",
          teamIds: [],
          blindPreRead: false,
          groupFloor: atlas.length + 1,
        },
      );
      if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
      const onReplica = routedReads.replica;
      const after = await read();
      // The records were the replica's (which has no such session yet), the floor the primary's.
      expect(routedReads.replica).toBeGreaterThan(onReplica);
      expect(after.floor).toBe(atlas.length + 1);
      expect(atlasGroup(after)?.shown ?? false).toBe(false);
      expect(atlasGroup(after)?.steps ?? null).toBeNull();
    } finally {
      await release();
    }
  });

  test("while the replica is behind, another person's goal tree shows a key result's progress a moment old, and the person who checked in reads theirs back", async () => {
    const { lena, otto, objective } = await goals();
    // Lena's own objective, open to everyone: Otto reads it in the tree. 0 to 1000 teams, so the
    // progress the tree shows (a number in its data) is the value read, over a thousand.
    const objectiveId = await createObjective(lena, objective("person", { title: "Ship held" }));
    await shareObjective(lena, objectiveId, { openToAll: true });
    await addKeyResult(
      lena,
      objectiveId,
      metric("Teams held", { startValue: 0, targetValue: 1000 }),
    );
    const keyResultId = (await db.keyResult.findFirstOrThrow({ where: { objectiveId } })).id;
    await checkIn(lena, keyResultId, { value: 125, confidence: "onTrack", note: "" });
    const lenaCookie = (await startSession(lena.id)).split(";")[0]!;
    const ottoCookie = (await startSession(otto.id)).split(";")[0]!;
    const tree = (cookie: string) => server.send("GET", "/goals.data", { Cookie: cookie });
    expect(progressOf((await tree(ottoCookie)).body)).toEqual({ early: true, late: false });

    await hold();
    try {
      const sent = await server.send(
        "POST",
        `/goals/objectives/${objectiveId}`,
        { Cookie: lenaCookie, "Content-Type": "application/x-www-form-urlencoded" },
        new URLSearchParams({
          intent: "check-in",
          keyResultId,
          value: "875",
          confidence: "onTrack",
        }).toString(),
      );
      // Saved: the page sends her back to the objective.
      expect(sent.status).toBe(302);
      const wrote = [sent.headers["set-cookie"] ?? []]
        .flat()
        .find((header) => header.startsWith("rungs-wrote="));
      expect(wrote).toBeDefined();

      // Otto's tree: the objective is there (chosen on the primary), its progress the replica's.
      const onReplica = routedReads.replica;
      const others = await tree(ottoCookie);
      expect(others.status).toBe(200);
      expect(others.body).toContain("Ship held");
      expect(progressOf(others.body)).toEqual({ early: true, late: false });
      expect(routedReads.replica).toBeGreaterThan(onReplica);
      // Lena's next page, with the cookie her check-in set, reads the primary: her new value.
      const own = await tree(`${lenaCookie}; ${wrote!.split(";")[0]}`);
      expect(progressOf(own.body)).toEqual({ early: false, late: true });
    } finally {
      await release();
    }
    expect(progressOf((await tree(ottoCookie)).body)).toEqual({ early: false, late: true });
  });

  test("an objective made private on the primary leaves another person's goal tree at once, though its figures are read on the held replica", async () => {
    const { lena, otto, objective } = await goals();
    const objectiveId = await createObjective(lena, objective("person", { title: "Closed soon" }));
    await shareObjective(lena, objectiveId, { openToAll: true });
    const kept = await createObjective(lena, objective("person", { title: "Still open" }));
    await shareObjective(lena, kept, { openToAll: true });
    const ottoCookie = (await startSession(otto.id)).split(";")[0]!;
    const tree = () => server.send("GET", "/goals.data", { Cookie: ottoCookie });
    // The replica has both objectives before the first look: its figures are read there.
    await caughtUp();
    expect((await tree()).body).toContain("Closed soon");

    await hold();
    try {
      await shareObjective(lena, objectiveId, { openToAll: false });
      const [onReplica] = await query<{ openToAll: boolean }>(
        replicaUrl!,
        `SELECT "openToAll" FROM "Objective" WHERE id = '${objectiveId}'`,
      );
      expect(onReplica!.openToAll).toBe(true);

      const replicaReads = routedReads.replica;
      const after = await tree();
      expect(after.status).toBe(200);
      // Which objectives Otto reads is the primary's; the titles shown were the replica's.
      expect(after.body).toContain("Still open");
      expect(after.body).not.toContain("Closed soon");
      expect(routedReads.replica).toBeGreaterThan(replicaReads);
    } finally {
      await release();
    }
  });

  test("an objective's page lists the supporters the primary lets a person read, with the titles the held replica has", async () => {
    const { admin, manager, otto, objective } = await goals();
    const companyId = await createObjective(admin, objective("company", { title: "Company held" }));
    const ottoCookie = (await startSession(otto.id)).split(";")[0]!;
    const page = () =>
      server.send("GET", `/goals/objectives/${companyId}.data`, { Cookie: ottoCookie });
    expect((await page()).status).toBe(200);

    await hold();
    try {
      await createObjective(
        manager,
        objective("team", { title: "Team under held", parentId: companyId }),
      );
      const onReplica = routedReads.replica;
      const held = await page();
      expect(held.status).toBe(200);
      expect(held.body).toContain("Company held");
      // Chosen on the primary, but its title is the replica's, which has no such objective yet.
      expect(held.body).not.toContain("Team under held");
      expect(routedReads.replica).toBeGreaterThan(onReplica);
    } finally {
      await release();
    }
    expect((await page()).body).toContain("Team under held");
  });
});

/** One goals organisation and period for the file: a tree shows the period open today. */
let organisation: ReturnType<typeof goalsOrganisation> | undefined;
const goals = () => (organisation ??= goalsOrganisation("Goals", "Goals elsewhere"));

/** Whether a goal tree's data shows the progress of the check-in of 125 of 1000, or of 875. */
function progressOf(body: string) {
  const shows = (progress: number) => new RegExp(`[,\\[:]${progress}[,\\]}]`).test(body);
  return { early: shows(0.125), late: shows(0.875) };
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The access audit's population of test/integration/access-audit/access-audit.test.ts (its
 * stretch work only): two teams of 24 whose application rates differ, where the Atlas team's
 * figures are shown at the organisation's floor.
 */
async function accessAuditPopulation() {
  const today = Math.floor(Date.now() / DAY) * DAY;
  const daysAgo = (days: number) => new Date(today - days * DAY + 9 * 60 * 60 * 1000);
  const random = seeded(58);
  const manager = await createPerson({ name: "Mona Atlas", track: "manager", level: "m1" });
  const other = await createPerson({ name: "Bo Borealis", track: "manager", level: "m1" });
  const generated: { person: Person; team: string; level: string; location: string }[] = [];
  const applied: boolean[][] = [];
  for (let index = 0; index < 48; index++) {
    const inAtlas = index < 24;
    const team = inAtlas ? "Atlas" : "Borealis";
    const level = random() < 0.5 ? "ic2" : "ic3";
    const location = index === 3 || index === 30 ? "Oslo" : random() < 0.5 ? "Lisbon" : "Berlin";
    const teamId = (
      await db.team.upsert({
        where: { name: team },
        create: { name: team },
        update: {},
        select: { id: true },
      })
    ).id;
    const person = await createPerson({
      name: `${team} engineer ${index}`,
      track: "ic",
      level,
      teamId,
      managerId: inAtlas ? manager.id : other.id,
      attributes: JSON.stringify({ location }),
    });
    if (inAtlas) atlas.push(person);
    generated.push({ person, team, level, location });
    applied.push(
      Array.from(
        { length: 4 },
        () => random() < (inAtlas ? 0.8 : 0.2) && !(inAtlas ? index % 6 === 2 : index % 2 === 1),
      ),
    );
    random(); // the source's draw of who is sponsored, kept so the draws stay the same
  }
  await db.user.updateMany({ data: { createdAt: daysAgo(40) } });
  const chosen = new Set<string>();
  for (let index = 0; index < 4; index++) {
    const applicants = generated.filter((_, at) => applied[at]![index]);
    const pick = applicants.find(
      (entry) =>
        entry.team === "Atlas" &&
        entry.level === "ic2" &&
        entry.location === "Berlin" &&
        !chosen.has(entry.person.id),
    )!;
    chosen.add(pick.person.id);
    const opportunity = await db.opportunity.create({
      data: {
        kind: "project",
        title: `Stretch ${index}`,
        ladderId: "engineering",
        competencyIds: "[]",
        hoursPerWeek: 4,
        startsOn: daysAgo(20),
        endsOn: daysAgo(-30),
        posterId: manager.id,
        status: "chosen",
        reason: "Closest fit",
        criteriaIds: "[]",
        decidedAt: daysAgo(20),
        createdAt: daysAgo(30),
      },
      select: { id: true },
    });
    await db.opportunityView.createMany({
      data: generated.map((entry) => ({
        opportunityId: opportunity.id,
        personId: entry.person.id,
        viewedAt: daysAgo(30),
      })),
    });
    await db.opportunityInterest.createMany({
      data: applicants.map((entry) => ({
        opportunityId: opportunity.id,
        personId: entry.person.id,
        note: "Keen",
        outcome: entry === pick ? "chosen" : "not-chosen",
        createdAt: daysAgo(25),
      })),
    });
  }
}
