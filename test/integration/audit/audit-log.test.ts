import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { createSession } from "~/modules/calibration/sessions.server";
import * as auditRoute from "~/routes/admin.audit";
import * as cycleRoute from "~/routes/admin.cycles.$cycleId";
import * as newCycleRoute from "~/routes/admin.cycles.new";
import { inEnglishDeep } from "../../utils/english";
import { createAdmin, createPerson } from "../../utils/factories";
import { renderPage } from "../../utils/render-page";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

type AuditPage = Awaited<ReturnType<typeof auditRoute.loader>>;

async function auditLog(adminId: string): Promise<AuditPage> {
  // Each detail in English words, as an English reader's page shows it.
  return inEnglishDeep(
    bodyOf<AuditPage>(
      await auditRoute.loader(routeArgs(await signedInRequest("/admin/audit", adminId))),
    ),
  );
}

describe("the audit log", () => {
  test("opening and closing a review cycle show as named events about the named cycle", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    await createPerson({ track: "ic", level: "ic2" });
    const opened = await newCycleRoute.action(
      routeArgs(
        await signedInPost("/admin/cycles/new", admin.id, {
          name: "Spring 2026",
          startsOn: "2026-03-01",
          endsOn: "2026-03-28",
          participants: "everyone",
        }),
      ),
    );
    const cycleId = /^\/admin\/cycles\/([^/]+)$/.exec(
      (opened as Response).headers.get("Location") ?? "",
    )![1]!;
    await cycleRoute.action(
      routeArgs(
        await signedInPost(`/admin/cycles/${cycleId}`, admin.id, {
          intent: "close",
          confirm: "yes",
        }),
        { cycleId },
      ),
    );

    const { events } = await auditLog(admin.id);
    const cycleEvents = events
      .filter((event) => event.subjectId === cycleId)
      .map(({ action, actionLabel, actor, subjectType, subjectName }) => ({
        action,
        actionLabel,
        actor: actor?.name,
        subjectType,
        subjectName,
      }))
      .sort((a, b) => a.action.localeCompare(b.action));
    expect(cycleEvents).toEqual([
      {
        action: "cycle.close",
        actionLabel: "admin:audit.actions.cycleClose",
        actor: "Ada Admin",
        subjectType: "ReviewCycle",
        subjectName: "Spring 2026",
      },
      {
        action: "cycle.open",
        actionLabel: "admin:audit.actions.cycleOpen",
        actor: "Ada Admin",
        subjectType: "ReviewCycle",
        subjectName: "Spring 2026",
      },
    ]);
  });

  test("a promotion through calibration names the levels by their titles and the session, and a pinned pair names its people", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    const fay = await createPerson({ name: "Fay Facilitator", track: "manager", level: "m2" });
    const lena = await createPerson({ name: "Lena Engineer", track: "ic", level: "ic3" });
    const mia = await createPerson({ name: "Mia Mentee", track: "ic", level: "ic1" });
    const cycle = await db.reviewCycle.create({
      data: {
        name: "Spring",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        participants: { create: [{ userId: lena.id }] },
      },
    });
    const session = await createSession(
      { ...admin, isHiringAdmin: false },
      {
        name: "Spring calibration",
        cycleId: cycle.id,
        ladderId: "engineering",
        facilitatorEmail: fay.email,
        population: "cycle",
        teamIds: [],
        blindPreRead: false,
      },
    );
    if (!session.ok) throw new Error("no session");
    // As applyDuePromotions and setPairRule record them.
    await recordAuditEvent(db, {
      actorId: fay.id,
      action: "person.promoted",
      subjectType: "person",
      subjectId: lena.id,
      detail: {
        from: { track: "ic", level: "ic2" },
        to: { track: "ic", level: "ic3" },
        calibrationSessionId: session.sessionId,
      },
    });
    await recordAuditEvent(db, {
      actorId: admin.id,
      action: "mentorship.pair_pinned",
      subjectType: "MentorshipProgramme",
      subjectId: "programme-1",
      detail: { name: "Autumn mentoring", menteeId: mia.id, mentorId: lena.id },
    });

    const { events } = await auditLog(admin.id);
    expect(events.find((event) => event.action === "person.promoted")).toMatchObject({
      subjectName: "Lena Engineer",
      detail: "Engineer II → Senior Engineer; calibration session: Spring calibration",
    });
    expect(events.find((event) => event.action === "mentorship.pair_pinned")?.detail).toBe(
      "programme: Autumn mentoring; mentee: Mia Mentee; mentor: Lena Engineer",
    );
    expect(events.map((event) => event.detail).join("\n")).not.toContain("[object");
  });

  test("a subject with no page of its own is named in words, not by how it is stored", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    await recordAuditEvent(db, {
      actorId: admin.id,
      action: "mentorship.pair_pinned",
      subjectType: "MentorshipProgramme",
      subjectId: "programme-1",
      detail: { name: "Autumn mentoring" },
    });
    await recordAuditEvent(db, {
      actorId: admin.id,
      action: "api.token_revoked",
      subjectType: "api-token",
      subjectId: "token-1",
    });
    const { html } = await renderPage(auditRoute, "/admin/audit", "/admin/audit", admin.id);
    const subjects = [...html.matchAll(/<tr>(?:(?!<\/tr>).)*<\/tr>/gs)].map(
      ([row]) => [...row.matchAll(/<td[^>]*>((?:(?!<\/td>).)*)<\/td>/gs)][2]?.[1],
    );
    expect(subjects).toEqual(expect.arrayContaining(["API token", "Mentoring programme"]));
    expect(html).not.toMatch(/MentorshipProgramme|api-token/);
  });
});
