// The same thing asked twice at once (two tabs, a double click, two servers) is done once and
// answered twice, never a 500: each write below adds a row with a unique key unless it is there
// already. Prisma's upsert reads and then inserts, so on PostgreSQL both requests read nothing and
// the second insert was a unique violation; app/db/create-unless-exists.server.ts settles it
// (decision 121). Each race is run for three keys: one pair at once can happen to run in turn.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { createUnlessExists } from "~/db/create-unless-exists.server";
import { passOnNote, seriesPage, writeNote } from "~/modules/conversations/agenda.server";
import { startSeries } from "~/modules/conversations/series.server";
import { dateToDay } from "~/modules/days";
import { createObjective, createPeriod, shareObjective } from "~/modules/goals/goals.server";
import { quarterOf } from "~/modules/goals/progress";
import { addOpeningAdmin, createOpening } from "~/modules/hiring/openings.server";
import { attemptLogin } from "~/modules/identity/passwords/login.server";
import { hashPassword } from "~/modules/identity/passwords/password.server";
import { rememberDevice } from "~/modules/identity/sessions/devices.server";
import { setPoster } from "~/modules/opportunities/opportunities.server";
import { rebuildReportingLine } from "~/modules/people/reporting-line.server";
import { signOutEverywhere } from "~/modules/people/service.server";
import * as clock from "~/platform/clock.server";
import { createAdmin, createPerson } from "../utils/factories";

const THREE = [1, 2, 3];

describe("asked twice at once", () => {
  test("an admin allowing someone to post twice at once: both answer, one poster, two audit events", async () => {
    const admin = await createAdmin();
    for (const _ of THREE) {
      const poster = await createPerson();
      await Promise.all([
        setPoster(admin, poster.email, true),
        setPoster(admin, poster.email, true),
      ]);
      expect(await db.opportunityPoster.count({ where: { personId: poster.id } })).toBe(1);
      expect(
        await db.auditEvent.count({
          where: { action: "opportunity.poster_allowed", subjectId: poster.id },
        }),
      ).toBe(2);
    }
  });

  test("a browser signed out everywhere signs in twice at once: its device is remembered once", async () => {
    const admin = await createAdmin();
    for (const _ of THREE) {
      const person = await createPerson();
      await db.password.create({
        data: { userId: person.id, hash: await hashPassword("correct horse battery") },
      });
      const first = await attemptLogin(person.email, "correct horse battery", "10.9.0.1");
      if (!first.ok) throw new Error("no sign-in");
      const token = /rungs_device=([^;]+)/.exec(first.deviceCookie)![1]!;
      // The browser keeps its cookie; the database forgets the device.
      await signOutEverywhere(admin.id, person.id);
      // Signing in checks the password first, whose time varies: the two remember the device at once here.
      const cookies = await Promise.all([
        rememberDevice(person.id, token),
        rememberDevice(person.id, token),
      ]);
      expect(cookies.map((cookie) => cookie.startsWith(`rungs_device=${token};`))).toEqual([
        true,
        true,
      ]);
      expect(await db.knownDevice.count({ where: { userId: person.id } })).toBe(1);
    }
  });

  test("a hiring admin adding the same co-owner twice at once: both answer, one co-owner", async () => {
    const grace = await createPerson({ isHiringAdmin: true });
    const created = await createOpening(grace, {
      title: "Twice Engineer",
      ladderId: "engineering",
      levelId: "ic3",
      adminEmails: [],
      starterPlan: false,
    });
    if (!created.ok) throw new Error("no opening");
    const { openingId } = created;
    for (const _ of THREE) {
      const ben = await createPerson({ isHiringAdmin: true });
      const answers = await Promise.all([
        addOpeningAdmin(grace, openingId, ben.email),
        addOpeningAdmin(grace, openingId, ben.email),
      ]);
      expect(answers).toEqual([{ ok: true }, { ok: true }]);
      expect(await db.hiringOpeningAdmin.count({ where: { openingId, userId: ben.id } })).toBe(1);
    }
  });

  test("an owner sharing an objective with someone twice at once: both answer, one share", async () => {
    const admin = await createAdmin();
    const lena = await createPerson({ track: "ic", level: "ic2" });
    const quarter = quarterOf(clock.now());
    const periodId = await createPeriod(admin, {
      name: `${quarter.name} twice`,
      startsOn: dateToDay(quarter.startsOn),
      endsOn: dateToDay(quarter.endsOn),
    });
    const objectiveId = await createObjective(lena, {
      periodId,
      level: "person",
      teamId: null,
      title: "Twice objective",
      why: "",
      commitment: "committed",
      parentId: null,
    });
    for (const _ of THREE) {
      const omar = await createPerson({ track: "ic", level: "ic2" });
      await Promise.all([
        shareObjective(lena, objectiveId, { email: omar.email, shared: true }),
        shareObjective(lena, objectiveId, { email: omar.email, shared: true }),
      ]);
      expect(await db.objectiveShare.count({ where: { objectiveId, personId: omar.id } })).toBe(1);
    }
  });

  test("a report passing a note on to their new manager twice at once: both answer, one share", async () => {
    const boss = await createPerson({ track: "manager", level: "m2" });
    const manager = await createPerson({ track: "manager", level: "m1", managerId: boss.id });
    const other = await createPerson({ track: "manager", level: "m1", managerId: boss.id });
    const engineer = await createPerson({ track: "ic", level: "ic2", managerId: manager.id });
    const now = new Date("2026-03-20T10:00:00Z");
    const asManager = { id: manager.id, isAdmin: false };
    const seriesId = await startSeries(
      asManager,
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: engineer.id,
        cadence: "weekly",
        firstAt: new Date("2026-03-23T09:00:00Z"),
      },
      now,
    );
    const meeting = (await seriesPage(asManager, seriesId, now)).next!;
    const noteIds: string[] = [];
    for (const n of THREE)
      noteIds.push(
        await writeNote(asManager, meeting.id, { visibility: "shared", text: `Note ${n}` }),
      );
    await db.user.update({ where: { id: engineer.id }, data: { managerId: other.id } });
    await rebuildReportingLine(db);
    const report = { id: engineer.id, isAdmin: false };
    for (const noteId of noteIds) {
      await Promise.all([
        passOnNote(report, noteId, undefined, now),
        passOnNote(report, noteId, undefined, now),
      ]);
      expect(await db.conversationNoteShare.count({ where: { noteId, personId: other.id } })).toBe(
        1,
      );
    }
  });
});

describe("createUnlessExists", () => {
  test("in a transaction, a row already there leaves the transaction going: what follows is written", async () => {
    const admin = await createAdmin();
    const person = await createPerson();
    await db.opportunityPoster.create({ data: { personId: person.id } });
    const created = await db.$transaction(async (tx) => {
      const again = await createUnlessExists(tx, (client) =>
        client.opportunityPoster.create({ data: { personId: person.id } }),
      );
      await tx.auditEvent.create({
        data: {
          actorId: admin.id,
          action: "test.after",
          subjectType: "person",
          subjectId: person.id,
        },
      });
      return again;
    });
    expect(created).toBe(false);
    expect(
      await db.auditEvent.count({ where: { action: "test.after", subjectId: person.id } }),
    ).toBe(1);
  });

  test("outside a transaction, it says whether it added the row; other errors are thrown", async () => {
    const person = await createPerson();
    const create = () =>
      createUnlessExists(db, (client) =>
        client.opportunityPoster.create({ data: { personId: person.id } }),
      );
    expect(await create()).toBe(true);
    expect(await create()).toBe(false);
    await expect(
      createUnlessExists(db, (client) =>
        client.opportunityPoster.create({ data: { personId: "nobody" } }),
      ),
    ).rejects.toMatchObject({ code: "P2003" });
  });
});
