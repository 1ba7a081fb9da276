// No scope reads more than the admin pages show: private and shared one-to-one notes, an outcome not
// yet released to its person, who wrote anonymous feedback and what, and the figures of a group
// below the disclosure floor each carry a marker; every token (each scope alone, all of them, and
// an engineer's) reads every list, page and table, and no answer holds a marker. A plain employee's
// own token reads no more than their own pages show them: no marker, nobody else, no email address.
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { PERSON_TOKEN_SCOPES } from "~/modules/api/policy";
import { API_SCOPES, type ApiScope } from "~/modules/api/scopes";
import { issueApiToken } from "~/modules/api/tokens.server";
import { INSIGHT_TABLES } from "~/modules/insights/tables";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import { createAdmin, createPerson } from "../../utils/factories";
import { api, received, tokenFor } from "./helpers";

const MARK = (what: string) => `MARK-${what}-9c41`;

type Someone = { id: string; email: string };

let org: {
  admin: Someone;
  manager: Someone;
  report: Someone;
  second: Someone;
  peer: Someone;
  cycleId: string;
  releasedId: string;
  unreleasedId: string;
  feedbackRequestId: string;
};

beforeAll(async () => {
  const admin = await createAdmin({ name: "Ada Admin" });
  const manager = await createPerson({ name: "Mo Manager", track: "manager", level: "m1" });
  const report = await createPerson({
    name: "Rae Report",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const second = await createPerson({
    name: "Sid Second",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const peer = await createPerson({ name: "Pat Peer", track: "ic", level: "ic2" });
  const version = (await servedLadderVersion("engineering"))!.versionId;

  // A one-to-one with a private and a shared note: the manager chain and admins see only that it happened.
  const series = await db.conversationSeries.create({
    data: {
      kind: "one-to-one",
      managerId: manager.id,
      reportId: report.id,
      cadence: "weekly",
      timeZone: "UTC",
      anchorAt: new Date("2026-03-02T10:00:00Z"),
      createdById: manager.id,
    },
  });
  const meeting = await db.conversationMeeting.create({
    data: {
      seriesId: series.id,
      scheduledFor: new Date("2026-03-02T10:00:00Z"),
      startsAt: new Date("2026-03-02T10:00:00Z"),
      status: "held",
    },
  });
  await db.conversationNote.createMany({
    data: [
      {
        seriesId: series.id,
        meetingId: meeting.id,
        authorId: manager.id,
        visibility: "private",
        text: `Worried about ${MARK("private-note")}`,
      },
      {
        seriesId: series.id,
        meetingId: meeting.id,
        authorId: report.id,
        visibility: "shared",
        text: `We agreed ${MARK("shared-note")}`,
      },
    ],
  });

  // A cycle whose calibration is published: one outcome released to its person, one not yet.
  const cycle = await db.reviewCycle.create({
    data: {
      name: "Spring 2026",
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-06-30"),
      participants: { create: [report, second].map((person) => ({ userId: person.id })) },
    },
  });
  const session = await db.calibrationSession.create({
    data: {
      name: "Spring calibration",
      cycleId: cycle.id,
      facilitatorId: admin.id,
      state: "published",
      ladderId: "engineering",
      ladderVersionId: version,
      groupFloor: 4,
      promotionsEffectiveOn: new Date("2026-07-01"),
    },
  });
  const released = await db.calibrationEntry.create({
    data: {
      sessionId: session.id,
      personId: report.id,
      managerId: manager.id,
      trackId: "ic",
      levelId: "ic2",
      proposedOutcome: "promote",
      rationale: `Led ${MARK("rationale")}`,
      finalRating: 4,
      finalOutcome: "promote",
      finalLevelId: "ic3",
      released: true,
    },
  });
  const unreleased = await db.calibrationEntry.create({
    data: {
      sessionId: session.id,
      personId: second.id,
      managerId: manager.id,
      trackId: "ic",
      levelId: "ic2",
      proposedOutcome: "stay",
      finalRating: 2,
      finalOutcome: "not-ready",
      finalReason: `Because ${MARK("final-reason")}`,
      released: false,
    },
  });

  // Anonymous peer feedback about the report: who wrote it, and what, stay with those who may read it.
  const request = await db.feedbackRequest.create({
    data: {
      cycleId: cycle.id,
      channel: "peer",
      subjectId: report.id,
      reviewerId: peer.id,
      state: "submitted",
      dueOn: new Date("2026-05-01"),
      ladderVersionId: version,
      trackId: "ic",
      levelId: "ic2",
      competencyIds: "[]",
      submittedAt: new Date("2026-04-01"),
    },
  });
  await db.feedbackAnswer.create({
    data: {
      requestId: request.id,
      competencyId: "code-quality",
      rating: 3,
      example: `In review ${MARK("feedback")}`,
    },
  });

  org = {
    admin,
    manager,
    report,
    second,
    peer,
    cycleId: cycle.id,
    releasedId: released.id,
    unreleasedId: unreleased.id,
    feedbackRequestId: request.id,
  };
});

/** Every read the API offers, for one token: each list to its end, each person, each table with and without the cycle. */
async function readEverything(token: string): Promise<void> {
  const all = async (path: string) => {
    let cursor: string | null = null;
    do {
      const page = await api(
        token,
        "GET",
        `${path}${path.includes("?") ? "&" : "?"}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      cursor = page.status === 200 ? page.body.nextCursor : null;
    } while (cursor);
  };
  await all("/people");
  for (const person of [org.admin, org.manager, org.report, org.peer])
    await api(token, "GET", `/people/${person.id}`);
  await all("/teams");
  await api(token, "GET", "/ladders");
  await all("/cycles");
  await all("/outcomes");
  await all(`/outcomes?cycle=${org.cycleId}`);
  for (const table of INSIGHT_TABLES) {
    await api(token, "GET", `/aggregates/${table}`);
    await api(token, "GET", `/aggregates/${table}?cycle=${org.cycleId}`);
  }
}

describe("the API's privacy sweep", () => {
  test("no scope, alone or together, nor an engineer's token, reads a marker", async () => {
    const tokens: { label: string; token: string }[] = [];
    for (const scope of API_SCOPES)
      tokens.push({ label: scope, token: (await tokenFor(org.admin.id, [scope])).token });
    tokens.push({
      label: "every scope",
      token: (await tokenFor(org.admin.id, [...API_SCOPES] as ApiScope[])).token,
    });
    tokens.push({
      label: "an engineer's",
      token: (await tokenFor(org.report.id, [...API_SCOPES] as ApiScope[])).token,
    });
    for (const { token } of tokens) await readEverything(token);

    const everything = received.join("\n");
    // The sweep read what it should: the released outcome, and the people by name.
    expect(everything).toContain(org.releasedId);
    expect(everything).toContain("Rae Report");
    for (const marker of ["private-note", "shared-note", "rationale", "final-reason", "feedback"])
      expect(everything).not.toContain(MARK(marker));
    for (const id of [org.unreleasedId, org.feedbackRequestId])
      expect(everything).not.toContain(id);
  });

  test("a plain employee's own token reads only what their pages show them: no marker, nobody else's record, no email address", async () => {
    const answersOf = async (personId: string) => {
      const from = received.length;
      await readEverything(
        (await issueApiToken(personId, "My sheet", PERSON_TOKEN_SCOPES, "person")).token,
      );
      return received.slice(from).join("\n");
    };
    const markers = ["private-note", "shared-note", "rationale", "final-reason", "feedback"];

    // The report reads themselves and their own released outcome, and nobody else.
    const report = await answersOf(org.report.id);
    expect(report).toContain("Rae Report");
    expect(report).toContain(org.releasedId);
    for (const marker of markers) expect(report).not.toContain(MARK(marker));
    for (const name of ["Sid Second", "Pat Peer", "Ada Admin"]) expect(report).not.toContain(name);
    for (const hidden of [
      org.unreleasedId,
      org.feedbackRequestId,
      org.second.id,
      org.peer.id,
      org.report.email,
      org.manager.email,
    ])
      expect(report).not.toContain(hidden);

    // The peer has no outcome and no one below them: they read themselves, the ladders, and refusals.
    const peer = await answersOf(org.peer.id);
    expect(peer).toContain("Pat Peer");
    for (const marker of markers) expect(peer).not.toContain(MARK(marker));
    for (const name of ["Rae Report", "Sid Second", "Mo Manager", "Ada Admin", "Spring 2026"])
      expect(peer).not.toContain(name);
    for (const hidden of [
      org.releasedId,
      org.unreleasedId,
      org.feedbackRequestId,
      org.cycleId,
      org.report.id,
      org.peer.email,
    ])
      expect(peer).not.toContain(hidden);
  });

  test("the released outcome is read as released; the group of two's outcome rates stay hidden in the insights tables", async () => {
    const { token } = await tokenFor(org.admin.id, ["outcomes:read", "aggregates:read"]);
    const outcomes = await api(token, "GET", `/outcomes?cycle=${org.cycleId}`);
    expect(outcomes.body.data).toEqual([
      {
        id: org.releasedId,
        cycle: { id: org.cycleId, name: "Spring 2026" },
        person: { id: org.report.id, name: "Rae Report" },
        ladder: "engineering",
        outcome: "promote",
        level: "ic3",
        rating: 4,
        effectiveOn: "2026-07-01",
      },
    ]);
    const byCycle = await api(token, "GET", "/aggregates/outcomes-by-cycle");
    const columns: string[] = byCycle.body.columns;
    const row: unknown[] | undefined = byCycle.body.rows.find(
      (entry: unknown[]) => entry[0] === "Spring 2026",
    );
    expect(row, "the cycle is listed with its people").toBeDefined();
    for (const column of ["promoted", "stay", "not ready"])
      expect(row![columns.indexOf(column)], column).toBeNull();
    expect(row![columns.indexOf("shown")]).toMatch(/^Not shown/);
  });
});
