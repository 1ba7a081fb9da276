import { db } from "../../app/db/client.server.ts";

/**
 * The demo's retention rules (app/modules/retention): private one-to-one notes a year after either
 * person left, feedback examples for three cycles, leavers erased after a year, what they wrote for
 * others kept; and one legal hold, placed by Priya Raman, so the admin page shows one. Nobody in the
 * demo has left, so the next pass removes nothing. Idempotent.
 */
export async function seedDemoRetention(): Promise<void> {
  const [priya, held] = await Promise.all([
    db.user.findUnique({ where: { email: "priya.raman@example.com" }, select: { id: true } }),
    db.user.findUnique({ where: { email: "patrick.doyle@example.com" }, select: { id: true } }),
  ]);
  if (!priya || !held) return;
  const rules = [
    { kind: "private-notes", keepFor: 12, othersTexts: "keep" },
    { kind: "feedback-texts", keepFor: 3, othersTexts: "keep" },
    { kind: "leavers", keepFor: 12, othersTexts: "keep" },
    { kind: "team-health-answers", keepFor: 24, othersTexts: "keep" },
  ];
  await db.$transaction(async (tx) => {
    for (const rule of rules)
      await tx.retentionRule.upsert({
        where: { kind: rule.kind },
        create: { ...rule, updatedById: priya.id },
        update: {},
      });
    await tx.legalHold.upsert({
      where: { personId: held.id },
      create: { personId: held.id, setById: priya.id },
      update: {},
    });
  });
}
