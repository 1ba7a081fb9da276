// What a career conversation holds stays between its two people: every note, point, action and
// piece of evidence carries a marker, and every page, the navigation's data, the audit log and
// every email are read by each role; a marker appears only where the role may read it.
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  process.env.MAIL_FROM = "Rungs <rungs@example.com>";
  process.env.PUBLIC_URL = "http://rungs.test";
});

import { runNotificationPass } from "~/modules/notifications/outbox.server";
import * as rootRoute from "~/root";
import * as homeRoute from "~/routes/_index";
import * as teamRoute from "~/routes/team";
import * as indexRoute from "~/routes/conversations._index";
import * as seriesRoute from "~/routes/conversations.$seriesId";
import * as evidenceRoute from "~/routes/conversations.evidence";
import * as profileRoute from "~/routes/people.$personId._index";
import * as historyRoute from "~/routes/people.$personId.history";
import * as auditRoute from "~/routes/admin.audit";
import * as adminPersonRoute from "~/routes/admin.people.$personId";
import { answerText, bodyOf, routeArgs, statusOf, type RouteFunction } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { createAdmin, createPerson } from "../../utils/factories";
import { startSmtpSink } from "../../utils/smtp-sink";

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

type Loader = RouteFunction;

/** A loader's answer as text, whatever it answered or threw (a 404's body included). */
const read = async (
  loader: Loader,
  url: string,
  viewerId: string,
  params: Record<string, string> = {},
) => answerText(loader, await signedInRequest(url, viewerId), params);

const MARK = (what: string) => `MARK-${what}-9c41`;

describe("career conversations: the privacy sweep", () => {
  test("notes, points, actions and evidence reach only who may read them, on every page, in the audit log and in every email", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    const boss = await createPerson({ name: "Bea Boss", track: "manager", level: "m2" });
    const manager = await createPerson({
      name: "Sam Manager",
      track: "manager",
      level: "m1",
      managerId: boss.id,
    });
    const engineer = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const peer = await createPerson({
      name: "Pat Peer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });

    // A weekly one-to-one set up by the report, its first meeting ahead.
    const created = await indexRoute.action(
      routeArgs(
        await signedInPost("/conversations", engineer.id, {
          pairing: `one-to-one:${manager.id}:${engineer.id}`,
          cadence: "weekly",
          firstAt: "2031-03-03T10:00",
          minutes: "30",
        }),
      ),
    );
    expect(statusOf(created)).toBe(302);
    const location = (created as Response).headers.get("Location")!;
    const seriesId = location.split("/").at(-1)!;
    const page = bodyOf<{ page: { next: { id: string } | null } }>(
      await seriesRoute.loader(
        routeArgs(await signedInRequest(location, manager.id), { seriesId }),
      ),
    );
    const meetingId = page.page.next!.id;
    const post = async (viewerId: string, fields: Record<string, string>) => {
      const answer = await seriesRoute.action(
        routeArgs(await signedInPost(location, viewerId, fields), { seriesId }),
      );
      expect(statusOf(answer), JSON.stringify(fields)).toBe(302);
    };
    await post(engineer.id, { intent: "point", meetingId, text: MARK("point-by-report") });
    await post(manager.id, { intent: "point", meetingId, text: MARK("point-by-manager") });
    await post(engineer.id, {
      intent: "note",
      meetingId,
      visibility: "shared",
      text: MARK("shared-note-by-report"),
    });
    await post(manager.id, {
      intent: "note",
      meetingId,
      visibility: "shared",
      text: MARK("shared-note-by-manager"),
    });
    await post(engineer.id, {
      intent: "note",
      meetingId,
      visibility: "private",
      text: MARK("private-note-by-report"),
    });
    await post(manager.id, {
      intent: "note",
      meetingId,
      visibility: "private",
      text: MARK("private-note-by-manager"),
    });
    await post(manager.id, {
      intent: "action",
      meetingId,
      text: MARK("action-for-report"),
      ownerId: engineer.id,
      dueOn: "2026-11-20",
    });
    await post(engineer.id, {
      intent: "action",
      meetingId,
      text: MARK("action-for-manager"),
      ownerId: manager.id,
      dueOn: "2026-11-20",
    });
    const record = async (text: string) =>
      expect(
        statusOf(
          await evidenceRoute.action(
            routeArgs(
              await signedInPost("/conversations/evidence", engineer.id, {
                intent: "record",
                competencyId: "testing",
                text,
                url: "",
                occurredOn: "2026-01-05",
              }),
            ),
          ),
        ),
      ).toBe(302);
    await record(MARK("evidence-kept"));
    await record(MARK("evidence-shared"));
    const items = bodyOf<{ items: { id: string; text: string }[] }>(
      await evidenceRoute.loader(
        routeArgs(await signedInRequest("/conversations/evidence", engineer.id)),
      ),
    ).items;
    const shared = items.find((item) => item.text === MARK("evidence-shared"))!;
    expect(
      statusOf(
        await evidenceRoute.action(
          routeArgs(
            await signedInPost("/conversations/evidence", engineer.id, {
              intent: "share",
              evidenceId: shared.id,
              shared: "on",
            }),
          ),
        ),
      ),
    ).toBe(302);

    const everything = [
      "point-by-report",
      "point-by-manager",
      "shared-note-by-report",
      "shared-note-by-manager",
      "private-note-by-report",
      "private-note-by-manager",
      "action-for-report",
      "action-for-manager",
      "evidence-kept",
      "evidence-shared",
    ];
    const between = [
      "point-by-report",
      "point-by-manager",
      "shared-note-by-report",
      "shared-note-by-manager",
      "action-for-report",
      "action-for-manager",
    ];
    const mayRead: Record<string, string[]> = {
      report: [...between, "private-note-by-report", "evidence-kept", "evidence-shared"],
      manager: [...between, "private-note-by-manager", "evidence-shared"],
      "manager's manager": [],
      admin: [],
      peer: [],
    };
    const viewers = { report: engineer, manager, "manager's manager": boss, admin, peer };

    // Every email a pass sends anyone, a week after the actions fell due (digests and reminders included).
    await runNotificationPass(sink.transport(), { now: () => new Date("2026-11-30T09:30:00Z") });
    const mailed = sink.received.flatMap((message) => message.to);
    expect(mailed).toEqual(expect.arrayContaining([engineer.email, manager.email]));

    for (const [role, viewer] of Object.entries(viewers)) {
      const texts = [
        await read(rootRoute.loader as Loader, "/", viewer.id),
        await read(homeRoute.loader as Loader, "/", viewer.id),
        await read(teamRoute.loader as Loader, "/team", viewer.id),
        await read(indexRoute.loader as Loader, "/conversations", viewer.id),
        await read(seriesRoute.loader as Loader, location, viewer.id, { seriesId }),
        await read(evidenceRoute.loader as Loader, "/conversations/evidence", viewer.id),
        await read(
          evidenceRoute.loader as Loader,
          `/conversations/evidence?person=${engineer.id}`,
          viewer.id,
        ),
        await read(profileRoute.loader as Loader, `/people/${engineer.id}`, viewer.id, {
          personId: engineer.id,
        }),
        await read(historyRoute.loader as Loader, `/people/${engineer.id}/history`, viewer.id, {
          personId: engineer.id,
        }),
        await read(auditRoute.loader as Loader, "/admin/audit", viewer.id),
        await read(adminPersonRoute.loader as Loader, `/admin/people/${engineer.id}`, viewer.id, {
          personId: engineer.id,
        }),
        ...sink.received
          .filter((message) => message.to.includes(viewer.email))
          .map((message) => message.raw),
      ].join("\n");
      const seen = everything.filter((what) => texts.includes(MARK(what)));
      expect(seen, role).toEqual(everything.filter((what) => mayRead[role]!.includes(what)));
    }
    // The sweep reads something: each of the two people sees what is theirs.
    expect(mayRead.report!.length).toBeGreaterThan(0);
  });
});
