// The conversation pages through their loaders and actions, signed in as a person would be.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as indexRoute from "~/routes/conversations._index";
import * as seriesRoute from "~/routes/conversations.$seriesId";
import * as evidenceRoute from "~/routes/conversations.evidence";
import { bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { createPerson } from "../../utils/factories";

async function people() {
  const boss = await createPerson({ name: "Bea Boss", track: "manager", level: "m2" });
  const manager = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m1",
    managerId: boss.id,
    timeZone: "Europe/Berlin",
  });
  const engineer = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
    timeZone: "Asia/Kolkata",
  });
  return { boss, manager, engineer };
}

describe("the conversation pages", () => {
  test("a report sets up a one-to-one with their manager on their own clock; both read its page; the manager's manager gets a 404", async () => {
    const { boss, manager, engineer } = await people();
    const list = bodyOf<Awaited<ReturnType<typeof indexRoute.loader>>>(
      await indexRoute.loader(routeArgs(await signedInRequest("/conversations", engineer.id))),
    );
    expect(list.pairings.map((pairing) => pairing.label)).toEqual([
      { key: "conversations:pairing.withManager", values: { name: "Sam Manager" } },
      { key: "conversations:pairing.skipWithManager", values: { name: "Bea Boss" } },
    ]);

    const bad = await indexRoute.action(
      routeArgs(
        await signedInPost("/conversations", engineer.id, {
          pairing: `one-to-one:${manager.id}:${engineer.id}`,
          cadence: "weekly",
          firstAt: "2031-02-30T10:00",
          minutes: "30",
        }),
      ),
    );
    expect(statusOf(bad)).toBe(400);
    expect(JSON.stringify(bodyOf(bad))).toContain("conversations:form.errors.whenInvalid");

    // 15:30 in Kolkata is 11:00 in Berlin (winter time).
    const created = await indexRoute.action(
      routeArgs(
        await signedInPost("/conversations", engineer.id, {
          pairing: `one-to-one:${manager.id}:${engineer.id}`,
          cadence: "weekly",
          firstAt: "2031-03-03T15:30",
          minutes: "45",
        }),
      ),
    );
    expect(statusOf(created)).toBe(302);
    const location = (created as Response).headers.get("Location")!;
    const seriesId = location.split("/").at(-1)!;
    const series = await db.conversationSeries.findUniqueOrThrow({
      where: { id: seriesId },
      select: { anchorAt: true, timeZone: true, minutes: true },
    });
    expect(series).toEqual({
      anchorAt: new Date("2031-03-03T10:00:00Z"),
      timeZone: "Europe/Berlin",
      minutes: 45,
    });

    const page = bodyOf<Awaited<ReturnType<typeof seriesRoute.loader>>>(
      await seriesRoute.loader(
        routeArgs(await signedInRequest(location, manager.id), { seriesId }),
      ),
    );
    expect(page.other).toBe("Lena Engineer");
    // The pulse is the report's to answer (conversations/policy.ts): the manager's page offers none.
    expect(page.pulse).toBeUndefined();
    expect(page.page.next?.clocks).toEqual([
      "Monday, 3 March 2031 at 11:00 (Europe/Berlin)",
      "Monday, 3 March 2031 at 15:30 (Asia/Kolkata)",
    ]);
    expect(
      statusOf(
        await thrown(async () =>
          seriesRoute.loader(routeArgs(await signedInRequest(location, boss.id), { seriesId })),
        ),
      ),
    ).toBe(404);

    const meetingId = page.page.next!.id;
    const empty = await seriesRoute.action(
      routeArgs(
        await signedInPost(location, engineer.id, { intent: "point", meetingId, text: "  " }),
        { seriesId },
      ),
    );
    expect(statusOf(empty)).toBe(400);
    expect(
      statusOf(
        await seriesRoute.action(
          routeArgs(
            await signedInPost(location, engineer.id, {
              intent: "point",
              meetingId,
              text: "Conference budget",
            }),
            { seriesId },
          ),
        ),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await seriesRoute.action(
          routeArgs(
            await signedInPost(location, manager.id, {
              intent: "note",
              meetingId,
              visibility: "private",
              text: "Mine alone",
            }),
            { seriesId },
          ),
        ),
      ),
    ).toBe(302);
    const tooLate = await seriesRoute.action(
      routeArgs(
        await signedInPost(location, manager.id, {
          intent: "move",
          meetingId,
          to: "2031-03-10T11:00",
        }),
        { seriesId },
      ),
    );
    expect(statusOf(tooLate)).toBe(400);
    expect(bodyOf<{ error: string }>(tooLate).error).toMatch(
      /before the series' next regular meeting/,
    );
    const forReport = bodyOf<Awaited<ReturnType<typeof seriesRoute.loader>>>(
      await seriesRoute.loader(
        routeArgs(await signedInRequest(location, engineer.id), { seriesId }),
      ),
    );
    expect(
      forReport.page.next?.agenda.map((entry) =>
        entry.type === "point" ? entry.point.text : entry.action.text,
      ),
    ).toEqual(["Conference budget"]);
    expect(forReport.page.next?.notes).toEqual([]);
    expect(forReport.pulse).toBeNull();

    // A note that cannot be passed on is said on the page with why, and nothing is shared.
    expect(
      statusOf(
        await seriesRoute.action(
          routeArgs(
            await signedInPost(location, engineer.id, {
              intent: "note",
              meetingId,
              visibility: "private",
              text: "Thinking of leaving",
            }),
            { seriesId },
          ),
        ),
      ),
    ).toBe(302);
    const own = await db.conversationNote.findFirstOrThrow({
      where: { authorId: engineer.id },
      select: { id: true },
    });
    const kept = await seriesRoute.action(
      routeArgs(await signedInPost(location, engineer.id, { intent: "pass-on", noteId: own.id }), {
        seriesId,
      }),
    );
    expect(statusOf(kept)).toBe(400);
    expect(bodyOf(kept)).toMatchObject({
      intent: "pass-on",
      error: "A private note stays yours: share it first, or write it again as a shared note.",
    });
    const others = await db.conversationNote.findFirstOrThrow({
      where: { authorId: manager.id },
      select: { id: true },
    });
    expect(
      statusOf(
        await thrown(async () =>
          seriesRoute.action(
            routeArgs(
              await signedInPost(location, engineer.id, { intent: "pass-on", noteId: others.id }),
              { seriesId },
            ),
          ),
        ),
      ),
    ).toBe(404);
    expect(
      await db.conversationNoteShare.count({ where: { noteId: { in: [own.id, others.id] } } }),
    ).toBe(0);
  });

  test("a report cannot pass on a current skip-level's shared note by posting the form the page does not offer", async () => {
    const { boss, engineer } = await people();
    const created = await indexRoute.action(
      routeArgs(
        await signedInPost("/conversations", engineer.id, {
          pairing: `skip-level:${boss.id}:${engineer.id}`,
          cadence: "quarterly",
          firstAt: "2031-03-03T15:30",
          minutes: "30",
        }),
      ),
    );
    expect(statusOf(created)).toBe(302);
    const location = (created as Response).headers.get("Location")!;
    const seriesId = location.split("/").at(-1)!;
    const page = bodyOf<Awaited<ReturnType<typeof seriesRoute.loader>>>(
      await seriesRoute.loader(routeArgs(await signedInRequest(location, boss.id), { seriesId })),
    );
    const meetingId = page.page.next!.id;
    expect(
      statusOf(
        await seriesRoute.action(
          routeArgs(
            await signedInPost(location, boss.id, {
              intent: "note",
              meetingId,
              visibility: "shared",
              text: "About the team",
            }),
            { seriesId },
          ),
        ),
      ),
    ).toBe(302);
    const note = await db.conversationNote.findFirstOrThrow({
      where: { authorId: boss.id },
      select: { id: true },
    });
    const forReport = bodyOf<typeof page>(
      await seriesRoute.loader(
        routeArgs(await signedInRequest(location, engineer.id), { seriesId }),
      ),
    );
    expect(forReport.page.next?.notes.map((shown) => shown.canPassOn)).toEqual([false]);

    const refused = await seriesRoute.action(
      routeArgs(await signedInPost(location, engineer.id, { intent: "pass-on", noteId: note.id }), {
        seriesId,
      }),
    );
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf(refused)).toMatchObject({
      intent: "pass-on",
      error: "A skip-level's notes stay between the two of you: they are not passed on.",
    });
    expect(await db.conversationNoteShare.count({ where: { noteId: note.id } })).toBe(0);
  });

  test("a meeting, point or action of another series posted to a series' page is not found there, whatever its state, and nothing changes", async () => {
    const { boss, manager, engineer } = await people();
    const seriesOf = async (by: string, pairing: string) => {
      const created = await indexRoute.action(
        routeArgs(
          await signedInPost("/conversations", by, {
            pairing,
            cadence: "weekly",
            firstAt: "2031-03-03T15:30",
            minutes: "30",
          }),
        ),
      );
      const location = (created as Response).headers.get("Location")!;
      const seriesId = location.split("/").at(-1)!;
      const page = bodyOf<Awaited<ReturnType<typeof seriesRoute.loader>>>(
        await seriesRoute.loader(routeArgs(await signedInRequest(location, by), { seriesId })),
      );
      return { location, seriesId, meetingId: page.page.next!.id };
    };
    // Sam works in both: Lena's one-to-one with him, and his with Bea.
    const lenas = await seriesOf(engineer.id, `one-to-one:${manager.id}:${engineer.id}`);
    const sams = await seriesOf(manager.id, `one-to-one:${boss.id}:${manager.id}`);
    const post = async (by: string, form: Record<string, string>) => {
      try {
        return await seriesRoute.action(
          routeArgs(await signedInPost(lenas.location, by, form), { seriesId: lenas.seriesId }),
        );
      } catch (error) {
        return error;
      }
    };
    expect(
      statusOf(
        await post(manager.id, {
          intent: "action",
          meetingId: sams.meetingId,
          text: "Budget for the offsite",
          ownerId: manager.id,
        }),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await seriesRoute.action(
          routeArgs(
            await signedInPost(sams.location, manager.id, {
              intent: "action",
              meetingId: sams.meetingId,
              text: "Budget for the offsite",
              ownerId: manager.id,
            }),
            { seriesId: sams.seriesId },
          ),
        ),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await seriesRoute.action(
          routeArgs(
            await signedInPost(sams.location, manager.id, {
              intent: "point",
              meetingId: sams.meetingId,
              text: "Hiring plan",
            }),
            { seriesId: sams.seriesId },
          ),
        ),
      ),
    ).toBe(302);
    const action = await db.conversationAction.findFirstOrThrow({
      where: { seriesId: sams.seriesId },
      select: { id: true, status: true },
    });
    const point = await db.conversationPoint.findFirstOrThrow({
      where: { seriesId: sams.seriesId },
      select: { id: true, status: true },
    });
    expect(action.status).toBe("open");

    // Sam, who may work in both, through Lena's page: not found, and nothing of his own series changes.
    for (const form of <Record<string, string>[]>[
      { intent: "action-status", actionId: action.id, status: "done" },
      { intent: "point-status", pointId: point.id, status: "covered" },
      { intent: "point", meetingId: sams.meetingId, text: "Posted elsewhere" },
      { intent: "note", meetingId: sams.meetingId, visibility: "shared", text: "Posted elsewhere" },
      { intent: "move", meetingId: sams.meetingId, to: "2031-03-04T10:00" },
      { intent: "skip", meetingId: sams.meetingId },
      { intent: "hold", meetingId: sams.meetingId },
    ])
      expect(statusOf(await post(manager.id, form)), form.intent).toBe(404);
    // Lena, who is in neither Sam's series nor a party to its action: the same answer whether she names its state or not.
    for (const status of ["open", "done"])
      expect(
        statusOf(await post(engineer.id, { intent: "action-status", actionId: action.id, status })),
        status,
      ).toBe(404);
    expect(
      await db.conversationAction.findUniqueOrThrow({
        where: { id: action.id },
        select: { status: true },
      }),
    ).toEqual({ status: "open" });
    expect(
      await db.conversationPoint.findUniqueOrThrow({
        where: { id: point.id },
        select: { status: true },
      }),
    ).toEqual({ status: "open" });
    expect(await db.conversationPoint.count({ where: { text: "Posted elsewhere" } })).toBe(0);
    expect(await db.conversationNote.count({ where: { text: "Posted elsewhere" } })).toBe(0);
    expect(
      await db.conversationMeeting.findUniqueOrThrow({
        where: { id: sams.meetingId },
        select: { status: true, movedFrom: true },
      }),
    ).toEqual({ status: "upcoming", movedFrom: null });

    // Refused on its own page (an action owned by someone outside the series), the action comes back as typed.
    const refused = await post(engineer.id, {
      intent: "action",
      meetingId: lenas.meetingId,
      text: "Book the offsite TYPED-ACTION",
      ownerId: boss.id,
    });
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(bodyOf<{ reply: unknown }>(refused).reply)).toContain("TYPED-ACTION");
    expect(
      await db.conversationAction.count({ where: { text: { contains: "TYPED-ACTION" } } }),
    ).toBe(0);
  });

  test("evidence: recorded on its own page, shared one by one; a manager reads a report's shared evidence, others get a 404", async () => {
    const { boss, manager, engineer } = await people();
    const created = await evidenceRoute.action(
      routeArgs(
        await signedInPost("/conversations/evidence", engineer.id, {
          intent: "record",
          competencyId: "testing",
          text: "Fixed the flaky suite",
          url: "https://ci.example.com/run/7",
          occurredOn: "2026-01-05",
        }),
      ),
    );
    expect(statusOf(created)).toBe(302);
    // A link the page refuses (not http or https) comes back with what was typed, and nothing is recorded.
    const refused = await evidenceRoute.action(
      routeArgs(
        await signedInPost("/conversations/evidence", engineer.id, {
          intent: "record",
          competencyId: "testing",
          text: "Wrote the runbook TYPED-EVIDENCE",
          url: "ftp://files.example.com/runbook",
          occurredOn: "2026-01-06",
        }),
      ),
    );
    expect(statusOf(refused)).toBe(400);
    expect(JSON.stringify(bodyOf<{ reply: unknown }>(refused).reply)).toContain("TYPED-EVIDENCE");
    const mine = bodyOf<Awaited<ReturnType<typeof evidenceRoute.loader>>>(
      await evidenceRoute.loader(
        routeArgs(await signedInRequest("/conversations/evidence", engineer.id)),
      ),
    );
    expect(mine.items.map((item) => item.text)).toEqual(["Fixed the flaky suite"]);
    const url = `/conversations/evidence?person=${engineer.id}`;
    expect(
      bodyOf<typeof mine>(
        await evidenceRoute.loader(routeArgs(await signedInRequest(url, manager.id))),
      ).items,
    ).toEqual([]);
    expect(
      statusOf(
        await evidenceRoute.action(
          routeArgs(
            await signedInPost("/conversations/evidence", engineer.id, {
              intent: "share",
              evidenceId: mine.items[0]!.id,
              shared: "on",
            }),
          ),
        ),
      ),
    ).toBe(302);
    expect(
      bodyOf<typeof mine>(
        await evidenceRoute.loader(routeArgs(await signedInRequest(url, manager.id))),
      ).items,
    ).toHaveLength(1);
    expect(
      statusOf(
        await thrown(async () =>
          evidenceRoute.loader(routeArgs(await signedInRequest(url, boss.id))),
        ),
      ),
    ).toBe(404);
  });
});

describe("the team page's one-to-ones", () => {
  test("each direct report with when they last met, overdue after twice the cadence, and overdue actions counted; no words of either", async () => {
    const { boss, manager, engineer } = await people();
    const quiet = await createPerson({
      name: "Quinn Quiet",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const { startSeries, holdMeeting } = await import("~/modules/conversations/series.server");
    const { addAction } = await import("~/modules/conversations/agenda.server");
    const seriesId = await startSeries(
      { id: manager.id, isAdmin: false },
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "weekly",
        firstAt: new Date("2026-01-05T09:00:00Z"),
      },
      new Date("2026-01-01T00:00:00Z"),
    );
    // Set up ahead, its first meeting still to come: not overdue.
    const fresh = await createPerson({
      name: "Nia Fresh",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    await startSeries(
      { id: manager.id, isAdmin: false },
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: fresh.id,
        cadence: "weekly",
        firstAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
      },
      new Date(),
    );
    const meeting = await db.conversationMeeting.findFirstOrThrow({
      where: { seriesId },
      select: { id: true },
    });
    await addAction({ id: manager.id, isAdmin: false }, meeting.id, {
      text: "SECRET-ACTION",
      ownerId: engineer.id,
      dueOn: new Date("2026-01-09T00:00:00Z"),
    });
    await holdMeeting(
      { id: engineer.id, isAdmin: false },
      meeting.id,
      undefined,
      new Date("2026-01-05T10:00:00Z"),
    );
    const teamRoute = await import("~/routes/team");
    const page = bodyOf<{
      conversations: {
        reports: {
          name: string;
          hasSeries: boolean;
          overdue: boolean;
          overdueActions: number | null;
          lastHeld: { unit: string; count: number };
        }[];
      };
    }>(await teamRoute.loader(routeArgs(await signedInRequest("/team", manager.id))));
    expect(
      page.conversations.reports.map(({ name, hasSeries, overdue, overdueActions }) => [
        name,
        hasSeries,
        overdue,
        overdueActions,
      ]),
    ).toEqual([
      // Who most needs a one-to-one first: overdue, then none set up.
      ["Lena Engineer", true, true, 1],
      [quiet.name, false, false, null],
      ["Nia Fresh", true, false, 0],
    ]);
    expect(page.conversations).toMatchObject({ moreReports: { people: 0 }, all: false });
    expect(JSON.stringify(page)).not.toContain("SECRET-ACTION");

    // The manager's manager: their direct report, and two levels down, by manager, who has no one-to-ones
    // set up and who is overdue (the date only, no action counts).
    const forBoss = bodyOf<{
      conversations: {
        reports: {
          name: string;
          hasSeries: boolean;
          overdue: boolean;
          overdueActions: number | null;
        }[];
        below: {
          through: string;
          notSetUp: string[];
          overdue: { name: string; lastHeld: { unit: string; count: number } }[];
        }[];
      };
    }>(await teamRoute.loader(routeArgs(await signedInRequest("/team", boss.id))));
    expect(
      forBoss.conversations.reports.map(({ name, hasSeries, overdue, overdueActions }) => [
        name,
        hasSeries,
        overdue,
        overdueActions,
      ]),
    ).toEqual([["Sam Manager", false, false, null]]);
    expect(forBoss.conversations.below).toEqual([
      {
        managerId: manager.id,
        through: "Sam Manager",
        notSetUp: [quiet.name],
        overdue: [{ name: "Lena Engineer", lastHeld: page.conversations.reports[0]!.lastHeld }],
        moreNotSetUp: 0,
        moreOverdue: 0,
      },
    ]);
    expect(JSON.stringify(forBoss)).not.toContain("SECRET-ACTION");
  });

  test("a manager of many names those who most need a one-to-one and counts the rest; everyone is one link away; a bad value is a clear error", async () => {
    const { manager } = await people();
    const { REPORTS_SHOWN } = await import("~/modules/conversations/team-card");
    const extra = REPORTS_SHOWN + 4;
    for (let index = 0; index < extra; index += 1)
      await createPerson({
        name: `Many ${String(index).padStart(2, "0")}`,
        track: "ic",
        level: "ic2",
        managerId: manager.id,
      });
    const teamRoute = await import("~/routes/team");
    type Card = {
      conversations: {
        reports: { name: string }[];
        moreReports: { people: number; notSetUp: number; overdue: number };
        all: boolean;
      };
    };
    const shown = bodyOf<Card>(
      await teamRoute.loader(routeArgs(await signedInRequest("/team", manager.id))),
    );
    // The engineer of people() and these: none has one-to-ones set up.
    expect(shown.conversations.reports).toHaveLength(REPORTS_SHOWN);
    expect(shown.conversations.moreReports).toEqual({
      people: extra + 1 - REPORTS_SHOWN,
      overdue: 0,
      notSetUp: extra + 1 - REPORTS_SHOWN,
    });
    const everyone = bodyOf<Card>(
      await teamRoute.loader(routeArgs(await signedInRequest("/team?oneToOnes=all", manager.id))),
    );
    expect(everyone.conversations.reports).toHaveLength(extra + 1);
    expect(everyone.conversations).toMatchObject({ moreReports: { people: 0 }, all: true });
    expect(
      statusOf(
        await thrown(async () =>
          teamRoute.loader(routeArgs(await signedInRequest("/team?oneToOnes=some", manager.id))),
        ),
      ),
    ).toBe(400);
  });
});

describe("the team page's one-to-ones two levels down", () => {
  test("counted per manager; the lines with most people waiting are named, the rest counted; a series not overdue and anyone who left wait for nothing", async () => {
    const { MANAGERS_SHOWN, NAMES_PER_LINE } = await import("~/modules/conversations/team-card");
    const { startSeries } = await import("~/modules/conversations/series.server");
    const boss = await createPerson({ name: "Vera Boss", track: "manager", level: "m4" });
    const managers = [];
    for (let index = 1; index <= MANAGERS_SHOWN + 2; index += 1)
      managers.push(
        await createPerson({
          name: `Mgr ${String(index).padStart(2, "0")}`,
          track: "manager",
          level: "m1",
          managerId: boss.id,
        }),
      );
    const report = (managerId: string, name: string) =>
      createPerson({ name, track: "ic", level: "ic2", managerId });
    const first = managers[0]!;
    const second = managers[1]!;
    const many = NAMES_PER_LINE + 2;
    for (let index = 1; index <= many; index += 1) await report(first.id, `A${index}`);
    const late = await report(second.id, "B1 Late");
    const ahead = await report(second.id, "B2 Ahead");
    await report(second.id, "B3 New");
    for (const manager of managers.slice(2)) await report(manager.id, `C ${manager.name}`);
    // The last two managers: one whose extra person left, one whose extra person meets ahead of time.
    const left = managers.at(-2)!;
    const meets = managers.at(-1)!;
    const leaver = await report(left.id, "D Left");
    const meetsAhead = await report(meets.id, "D Ahead");
    const start = (managerId: string, reportId: string, firstAt: Date, now: Date) =>
      startSeries(
        { id: managerId, isAdmin: false },
        { kind: "one-to-one", managerId, reportId, cadence: "weekly", firstAt },
        now,
      );
    // None held since a first slot long past: overdue.
    await start(second.id, late.id, new Date("2026-01-05T09:00:00Z"), new Date("2026-01-01"));
    const week = 7 * 24 * 60 * 60 * 1000;
    await start(second.id, ahead.id, new Date(Date.now() + week), new Date());
    await start(meets.id, meetsAhead.id, new Date(Date.now() + week), new Date());
    // The one who left still has the series they had: it is not one of their manager's people's.
    await start(left.id, leaver.id, new Date(Date.now() + week), new Date());
    await db.user.update({ where: { id: leaver.id }, data: { deactivatedAt: new Date() } });

    const teamRoute = await import("~/routes/team");
    type Card = {
      conversations: {
        below: {
          through: string;
          notSetUp: string[];
          overdue: { name: string }[];
          moreNotSetUp: number;
          moreOverdue: number;
        }[];
        moreBelow: { managers: number; people: number };
      };
    };
    const shown = bodyOf<Card>(
      await teamRoute.loader(routeArgs(await signedInRequest("/team", boss.id))),
    ).conversations;
    const lines = (card: Card["conversations"]) =>
      card.below.map((line) => [
        line.through,
        line.notSetUp,
        line.overdue.map((person) => person.name),
        line.moreNotSetUp,
      ]);
    // Most waiting first (7, then 2), then one each by name; the last two wait for one each too, and are counted.
    expect(lines(shown)).toEqual([
      ["Mgr 01", ["A1", "A2", "A3", "A4", "A5"], [], many - NAMES_PER_LINE],
      ["Mgr 02", ["B3 New"], ["B1 Late"], 0],
      ...managers
        .slice(2, MANAGERS_SHOWN)
        .map((manager) => [manager.name, [`C ${manager.name}`], [], 0]),
    ]);
    expect(shown.moreBelow).toEqual({ managers: 2, people: 2 });
    const everyone = bodyOf<Card>(
      await teamRoute.loader(routeArgs(await signedInRequest("/team?oneToOnes=all", boss.id))),
    ).conversations;
    expect(lines(everyone)).toEqual([
      ["Mgr 01", Array.from({ length: many }, (_, index) => `A${index + 1}`), [], 0],
      ["Mgr 02", ["B3 New"], ["B1 Late"], 0],
      ...managers.slice(2).map((manager) => [manager.name, [`C ${manager.name}`], [], 0]),
    ]);
    expect(everyone.moreBelow).toEqual({ managers: 0, people: 0 });

    // The reports and their counts are kept between views until someone changes: a newcomer below
    // one manager, and the one person waiting below another leaving, are read on the next view.
    await report(left.id, "E Newcomer");
    const waiting = await db.user.findFirstOrThrow({
      where: { managerId: meets.id, name: `C ${meets.name}` },
    });
    await db.user.update({ where: { id: waiting.id }, data: { deactivatedAt: new Date() } });
    const after = bodyOf<Card>(
      await teamRoute.loader(routeArgs(await signedInRequest("/team?oneToOnes=all", boss.id))),
    ).conversations;
    const lineOf = (name: string) => lines(after).find((line) => line[0] === name);
    expect(lineOf(left.name)).toEqual([left.name, [`C ${left.name}`, "E Newcomer"], [], 0]);
    expect(lineOf(meets.name)).toBeUndefined();
  });
});

describe("evidence in the next self-assessment", () => {
  test("what the person recorded is offered beside each competency of their self-assessment, to them alone", async () => {
    const { manager, engineer } = await people();
    const { recordEvidence } = await import("~/modules/conversations/evidence.server");
    const { startSelf } = await import("../assessments/assessments-helpers");
    const assessmentRoute = await import("~/routes/assessments.$assessmentId");
    await recordEvidence(
      { id: engineer.id, isAdmin: false },
      {
        competencyId: "testing",
        text: "Wrote the contract tests",
        url: null,
        occurredOn: new Date("2026-01-05T00:00:00Z"),
      },
      new Date("2026-01-06T00:00:00Z"),
    );
    const assessmentId = await startSelf(engineer.id);
    type Page = { recorded: Record<string, { text: string }[]> };
    const own = bodyOf<Page>(
      await assessmentRoute.loader(
        routeArgs(await signedInRequest(`/assessments/${assessmentId}`, engineer.id), {
          assessmentId,
        }),
      ),
    );
    expect(Object.keys(own.recorded)).toEqual(["testing"]);
    expect(own.recorded.testing!.map((item) => item.text)).toEqual(["Wrote the contract tests"]);
    // A draft self-assessment is its author's: the manager does not read it, nor what it offers.
    expect(
      statusOf(
        await thrown(async () =>
          assessmentRoute.loader(
            routeArgs(await signedInRequest(`/assessments/${assessmentId}`, manager.id), {
              assessmentId,
            }),
          ),
        ),
      ),
    ).toBe(404);
  });
});
