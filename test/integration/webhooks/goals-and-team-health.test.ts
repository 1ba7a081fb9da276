// The goals and team health webhooks against a real HTTP receiver on a loopback port: a closed goal
// period carries the objectives everyone in the organisation reads with their final scores, and no
// other; a closed team health check-in carries the team and its dates, and no figure (decision 110);
// a key result's check-in is announced only where everyone reads its objective, with its figures
// and never its note (decision 120). Marker words in a private objective, its key result and
// check-in note, an owner's reflection and a team health comment reach no delivered payload.
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import { issueCheckInToken } from "~/modules/api/goals.server";
import { dateToDay } from "~/modules/days";
import {
  addKeyResult,
  checkIn,
  closePeriod,
  createObjective,
  createPeriod,
  reflect,
  shareObjective,
} from "~/modules/goals/goals.server";
import { EDMONDSON_ITEMS } from "~/modules/team-health/items";
import {
  closeCheckIn,
  closeDueCheckIns,
  startCheckIn,
  submitAnswer,
} from "~/modules/team-health/team-health.server";
import { deliverWebhooks } from "~/modules/webhooks/delivery.server";
import * as webhooksRoute from "~/routes/admin.webhooks._index";
import { api } from "../api/helpers";
import { createPerson } from "../../utils/factories";
import { routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import { addedOf } from "./added";

vi.hoisted(() => {
  process.env.WEBHOOKS_TO_LOOPBACK = "true";
});

const MARK = "GOAL-HEALTH-MARK-7e2b";
const DAY_MS = 86_400_000;

type Received = { headers: IncomingHttpHeaders; body: string };
type Person = Awaited<ReturnType<typeof createPerson>>;

let server: Server;
let base = "";
const received: Received[] = [];
/** Every request the receiver had in this file, for the privacy sweep. */
const everReceived: Received[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const got = { headers: request.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(got);
      everReceived.push(got);
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** Adds an endpoint through the admins' page, one box ticked per kind; returns the secret shown once. */
async function addEndpoint(adminId: string, events: readonly string[]): Promise<string> {
  const form = new URLSearchParams([
    ["intent", "add"],
    ["url", `${base}/hooks`],
    ...events.map((kind) => ["events", kind]),
  ]);
  const answer = await webhooksRoute.action(
    routeArgs(await signedInRequest("/admin/webhooks", adminId, { method: "POST", body: form })),
  );
  const added = await addedOf(answer, adminId);
  if (!added) throw new Error(JSON.stringify(answer));
  return added.secret;
}

function parsed(request: Received) {
  return JSON.parse(request.body) as {
    id: string;
    type: string;
    occurredAt: string;
    data: unknown;
  };
}

function signedBy(secret: string, request: Received): boolean {
  const [t, v1] = String(request.headers["rungs-signature"])
    .split(",")
    .map((part) => part.split("=")[1]);
  return createHmac("sha256", secret).update(`${t}.${request.body}`).digest("hex") === v1;
}

const all = (value: number) => Object.fromEntries(EDMONDSON_ITEMS.map((item) => [item, value]));

let admin: Person, lena: Person, secret: string;
let teamId: string;

beforeAll(async () => {
  admin = await createPerson({ name: `Ada ${MARK}`, isAdmin: true });
  secret = await addEndpoint(admin.id, ["goals.period_closed", "team_health.check_in_closed"]);
  teamId = (await db.team.create({ data: { name: `Falcons ${MARK}` } })).id;
  const manager = await createPerson({ name: `Maya ${MARK}` });
  lena = await createPerson({ name: `Lena ${MARK}`, managerId: manager.id, teamId });
  for (const name of ["Bea", "Cem", "Dov", "Eli", "Fay"])
    await createPerson({ name: `${name} ${MARK}`, managerId: manager.id, teamId });
});

describe("goals.period_closed", () => {
  test("carries the objectives everyone reads with their final scores, never a private one, its check-ins or any text", async () => {
    const periodId = await createPeriod(admin, {
      name: `Q3 ${MARK}`,
      startsOn: dateToDay(new Date(Date.now() - 30 * DAY_MS)),
      endsOn: dateToDay(new Date(Date.now() + 60 * DAY_MS)),
    });
    const period = await db.goalPeriod.findUniqueOrThrow({ where: { id: periodId } });
    const companyId = await createObjective(admin, {
      periodId,
      level: "company",
      teamId: null,
      title: `Company ${MARK}`,
      why: `Why ${MARK}`,
      commitment: "aspirational",
      parentId: null,
    });
    const teamObjectiveId = await createObjective(admin, {
      periodId,
      level: "team",
      teamId,
      title: `Team ${MARK}`,
      why: "",
      commitment: "committed",
      parentId: companyId,
    });
    const privateId = await createObjective(lena, {
      periodId,
      level: "person",
      teamId: null,
      title: `Private ${MARK}`,
      why: `Private why ${MARK}`,
      commitment: "aspirational",
      parentId: teamObjectiveId,
    });
    const openId = await createObjective(lena, {
      periodId,
      level: "person",
      teamId: null,
      title: `Open ${MARK}`,
      why: "",
      commitment: "aspirational",
      parentId: companyId,
    });
    await shareObjective(lena, openId, { openToAll: true });
    const kr = async (
      objectiveId: string,
      shape: { direction: "increase" | "decrease"; startValue: number; targetValue: number },
    ) =>
      (
        await addKeyResult(
          objectiveId === companyId || objectiveId === teamObjectiveId ? admin : lena,
          objectiveId,
          {
            title: `Key result ${MARK}`,
            kind: "metric",
            unit: `unit ${MARK}`,
            ...shape,
            ownerEmail: lena.email,
          },
        )
      ).id;
    const company = await kr(companyId, { direction: "increase", startValue: 0, targetValue: 10 });
    const companyUntouched = await kr(companyId, {
      direction: "increase",
      startValue: 0,
      targetValue: 4,
    });
    const team = await kr(teamObjectiveId, {
      direction: "decrease",
      startValue: 100,
      targetValue: 50,
    });
    const personal = await kr(privateId, { direction: "increase", startValue: 0, targetValue: 2 });
    const open = await kr(openId, { direction: "increase", startValue: 0, targetValue: 4 });
    for (const [id, value] of [
      [company, 7],
      [team, 75],
      [personal, 1],
      [open, 1],
    ] as const)
      await checkIn(lena, id, { value, confidence: "atRisk", note: `Check-in note ${MARK}` });

    await closePeriod(admin, periodId);
    await reflect(lena, personal, `Reflection ${MARK}`);
    const closedAt = (await db.goalPeriod.findUniqueOrThrow({ where: { id: periodId } })).closedAt!;

    received.length = 0;
    expect(await deliverWebhooks()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(signedBy(secret, request!)).toBe(true);
    expect(parsed(request!)).toEqual({
      id: expect.any(String),
      type: "goals.period_closed",
      occurredAt: closedAt.toISOString(),
      data: {
        period: {
          id: periodId,
          startsOn: dateToDay(period.startsOn),
          endsOn: dateToDay(period.endsOn),
          closedAt: closedAt.toISOString(),
        },
        objectives: [
          {
            id: companyId,
            level: "company",
            teamId: null,
            parentId: null,
            commitment: "aspirational",
            keyResults: [
              { id: company, finalScore: 0.7 },
              { id: companyUntouched, finalScore: 0 },
            ],
          },
          {
            id: teamObjectiveId,
            level: "team",
            teamId,
            parentId: companyId,
            commitment: "committed",
            keyResults: [{ id: team, finalScore: 0.5 }],
          },
          {
            id: openId,
            level: "person",
            teamId: null,
            parentId: companyId,
            commitment: "aspirational",
            keyResults: [{ id: open, finalScore: 0.25 }],
          },
        ],
      },
    });
    // The private objective and its key result are not there at all, not even as ids.
    expect(request!.body).not.toContain(privateId);
    expect(request!.body).not.toContain(personal);
  });
});

describe("team_health.check_in_closed", () => {
  test("a check-in closed by hand, and one whose day came, are announced once per team with their dates and no figure", async () => {
    const startedAt = new Date(Date.now() - 2 * DAY_MS);
    const byHand = await startCheckIn(
      admin,
      { teamIds: [teamId], libraryItems: [], askComment: true, days: 7 },
      startedAt,
    );
    const asked = await db.user.findMany({ where: { teamId }, select: { id: true } });
    for (const [index, person] of asked.entries())
      await submitAnswer(
        { id: person.id, isAdmin: false },
        byHand,
        { values: all(1 + (index % 5)), comment: `Comment ${MARK}` },
        new Date(startedAt.getTime() + DAY_MS),
      );
    const closedAt = new Date(startedAt.getTime() + 2 * DAY_MS);
    await closeCheckIn(admin, byHand, closedAt);
    // Closing again, or the pass afterwards, announces nothing more.
    await closeCheckIn(admin, byHand, new Date(closedAt.getTime() + 1000));

    const dueStart = new Date(Date.now() - 10 * DAY_MS);
    const due = await startCheckIn(
      admin,
      { teamIds: [teamId], libraryItems: [], askComment: true, days: 3 },
      dueStart,
    );
    const dueAt = new Date(dueStart.getTime() + 3 * DAY_MS);
    expect(await closeDueCheckIns(new Date(dueAt.getTime() - 1))).toBe(0);
    expect(await closeDueCheckIns(new Date(dueAt.getTime() + 60_000))).toBe(1);
    expect(await closeDueCheckIns(new Date(dueAt.getTime() + 120_000))).toBe(0);

    received.length = 0;
    expect(await deliverWebhooks()).toEqual({ delivered: 2, retried: 0, failed: 0 });
    for (const request of received) expect(signedBy(secret, request)).toBe(true);
    const closedOn = (event: ReturnType<typeof parsed>) =>
      (event.data as { checkIn: { closedAt: string } }).checkIn.closedAt;
    const events = received.map(parsed).sort((a, b) => closedOn(a).localeCompare(closedOn(b)));
    expect(events).toEqual([
      {
        id: expect.any(String),
        type: "team_health.check_in_closed",
        occurredAt: expect.any(String),
        data: {
          checkIn: { id: due, openedAt: dueStart.toISOString(), closedAt: dueAt.toISOString() },
          team: { id: teamId },
        },
      },
      {
        id: expect.any(String),
        type: "team_health.check_in_closed",
        occurredAt: expect.any(String),
        data: {
          checkIn: {
            id: byHand,
            openedAt: startedAt.toISOString(),
            closedAt: closedAt.toISOString(),
          },
          team: { id: teamId },
        },
      },
    ]);
    // The check-in whose day came is closed at that moment for every reader, as it was already.
    expect((await db.teamHealthCheckIn.findUniqueOrThrow({ where: { id: due } })).closedAt).toEqual(
      dueAt,
    );
  });
});

describe("goals.key_result_checked_in", () => {
  test("a check-in where everyone reads the objective is delivered with its figures, from the page or a token; a private objective's is not; no note", async () => {
    // An endpoint that asks for check-ins only, added now: the check-ins above were not for it.
    const checkInSecret = await addEndpoint(admin.id, ["goals.key_result_checked_in"]);
    const periodId = await createPeriod(admin, {
      name: `Q4 ${MARK}`,
      startsOn: dateToDay(new Date(Date.now() - 10 * DAY_MS)),
      endsOn: dateToDay(new Date(Date.now() + 80 * DAY_MS)),
    });
    const objective = (by: Person, level: "company" | "person", title: string) =>
      createObjective(by, {
        periodId,
        level,
        teamId: null,
        title: `${title} ${MARK}`,
        why: "",
        commitment: "committed",
        parentId: null,
      });
    const companyId = await objective(admin, "company", "Company");
    const privateId = await objective(lena, "person", "Private");
    const keyResult = async (by: Person, objectiveId: string) =>
      (
        await addKeyResult(by, objectiveId, {
          title: `Key result ${MARK}`,
          kind: "metric",
          unit: `unit ${MARK}`,
          direction: "decrease",
          startValue: 40,
          targetValue: 20,
          ownerEmail: lena.email,
        })
      ).id;
    const company = await keyResult(admin, companyId);
    const personal = await keyResult(lena, privateId);
    const note = `Check-in note ${MARK}`;

    received.length = 0;
    const onPage = await checkIn(lena, company, { value: 35, confidence: "atRisk", note });
    const hidden = await checkIn(lena, personal, { value: 30, confidence: "offTrack", note });
    const { token } = await issueCheckInToken(lena, company);
    const byToken = await api(token, "POST", `/key-results/${company}/check-ins`, {
      value: 25,
      confidence: "onTrack",
      note,
    });
    expect(byToken.status).toBe(201);
    expect(await deliverWebhooks()).toEqual({ delivered: 2, retried: 0, failed: 0 });

    // Opened to all, the person's objective is everyone's: its next check-in is announced.
    await shareObjective(lena, privateId, { openToAll: true });
    const opened = await checkIn(lena, personal, { value: 20, confidence: "onTrack", note });
    expect(await deliverWebhooks()).toEqual({ delivered: 1, retried: 0, failed: 0 });

    expect(received).toHaveLength(3);
    for (const request of received) expect(signedBy(checkInSecret, request)).toBe(true);
    const rows = await db.keyResultCheckIn.findMany({
      where: { id: { in: [onPage, byToken.body.id as string, opened] } },
      select: { id: true, at: true },
    });
    const at = new Map(rows.map((row) => [row.id, row.at.toISOString()]));
    const event = (
      keyResultId: string,
      objectiveId: string,
      checkInId: string,
      value: number,
      confidence: string,
      progress: number,
    ) => ({
      id: expect.any(String),
      type: "goals.key_result_checked_in",
      occurredAt: at.get(checkInId),
      data: {
        keyResult: { id: keyResultId, objectiveId, progress },
        checkIn: { id: checkInId, at: at.get(checkInId), value, confidence },
      },
    });
    // In the order the pass claimed them, which PostgreSQL does not keep to the events' order.
    const events = received.map(parsed);
    expect(events).toHaveLength(3);
    expect(events).toEqual(
      expect.arrayContaining([
        event(company, companyId, onPage, 35, "atRisk", 0.25),
        event(company, companyId, byToken.body.id as string, 25, "onTrack", 0.75),
        event(personal, privateId, opened, 20, "onTrack", 1),
      ]),
    );
    // The check-in made while the objective was private went nowhere, not even as an id.
    for (const request of received) {
      expect(request.body).not.toContain(hidden);
      expect(request.body.toLowerCase()).not.toContain(MARK.toLowerCase());
    }
    expect(await db.webhookEvent.count({ where: { payload: { contains: hidden } } })).toBe(0);
  });
});

describe("the privacy sweep of webhook deliveries", () => {
  test("no marker of a private objective, a key result, a check-in note, a reflection, a comment or a name is in any payload", async () => {
    const bodies = await db.webhookEvent.findMany({ select: { kind: true, payload: true } });
    expect(new Set(bodies.map((event) => event.kind))).toEqual(
      new Set([
        "goals.period_closed",
        "goals.key_result_checked_in",
        "team_health.check_in_closed",
      ]),
    );
    // Every payload of this file, as stored and as received (bodies and headers).
    expect(everReceived).toHaveLength(6);
    for (const text of [
      ...bodies.map((event) => event.payload),
      ...everReceived.map((request) => request.body + JSON.stringify(request.headers)),
    ])
      expect(text.toLowerCase()).not.toContain(MARK.toLowerCase());
    const answers = await db.teamHealthResponse.findMany({ select: { comment: true } });
    // The comments were stored (the marker was there to find).
    expect(answers.some((answer) => answer.comment?.includes(MARK))).toBe(true);
    const notes = await db.keyResultCheckIn.count({ where: { note: { contains: MARK } } });
    expect(notes).toBe(8);
  });
});
