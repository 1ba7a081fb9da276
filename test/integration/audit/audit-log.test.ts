import { describe, expect, test } from "vitest";
import * as auditRoute from "~/routes/admin.audit";
import * as cycleRoute from "~/routes/admin.cycles.$cycleId";
import * as newCycleRoute from "~/routes/admin.cycles.new";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";

type AuditPage = Awaited<ReturnType<typeof auditRoute.loader>>;

async function auditLog(adminId: string): Promise<AuditPage> {
  return bodyOf<AuditPage>(await auditRoute.loader(routeArgs(await signedInRequest("/admin/audit", adminId))));
}

describe("the audit log", () => {
  test("opening and closing a review cycle show as named events about the named cycle", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    await createPerson({ track: "ic", level: "ic2" });
    const opened = await newCycleRoute.action(
      routeArgs(await signedInPost("/admin/cycles/new", admin.id, { name: "Spring 2026", startsOn: "2026-03-01", endsOn: "2026-03-28", participants: "everyone" })),
    );
    const cycleId = /^\/admin\/cycles\/([^/]+)$/.exec((opened as Response).headers.get("Location") ?? "")![1]!;
    await cycleRoute.action(routeArgs(await signedInPost(`/admin/cycles/${cycleId}`, admin.id, { intent: "close", confirm: "yes" }), { cycleId }));

    const { events } = await auditLog(admin.id);
    const cycleEvents = events
      .filter((event) => event.subjectId === cycleId)
      .map(({ action, actionLabel, actor, subjectType, subjectName }) => ({ action, actionLabel, actor: actor?.name, subjectType, subjectName }))
      .sort((a, b) => a.action.localeCompare(b.action));
    expect(cycleEvents).toEqual([
      { action: "cycle.close", actionLabel: "Review cycle closed", actor: "Ada Admin", subjectType: "ReviewCycle", subjectName: "Spring 2026" },
      { action: "cycle.open", actionLabel: "Review cycle opened", actor: "Ada Admin", subjectType: "ReviewCycle", subjectName: "Spring 2026" },
    ]);
  });
});
