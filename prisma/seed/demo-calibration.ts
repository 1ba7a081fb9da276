import { db } from "../../app/db/client.server.ts";
import type { Viewer } from "../../app/modules/auth/policy.ts";
import { advanceSession, createSession, saveProposal } from "../../app/modules/calibration/sessions.server.ts";
import { seedReviewHistory } from "./review-history.ts";

export const DEMO_SESSION_NAME = "Autumn calibration: Platform";

/**
 * The demo's calibration session, ready to explore: Mei Tanaka's organisation (Infrastructure,
 * Developer Experience, Data Platform) gets a closed review cycle with submitted reviews, and
 * a session over it with potential as a second dimension, open for proposals, which Arjun Mehta
 * and Hannah Kim have made for their reports; Sofia Alvarez's are still to come. Priya Raman
 * facilitates. Made through the calibration module, as a facilitator would. Idempotent.
 */
export async function seedDemoCalibration(now = new Date()): Promise<void> {
  if (await db.calibrationSession.findFirst({ where: { name: DEMO_SESSION_NAME }, select: { id: true } })) return;
  const [priya, mei] = await Promise.all(["priya.raman@example.com", "mei.tanaka@example.com"].map((email) => db.user.findUnique({ where: { email } })));
  if (!priya || !mei) return;
  await seedReviewHistory({ cycles: 1, onlyUnder: mei.id, now, seed: 11 });
  const cycle = await db.reviewCycle.findFirst({ where: { closedAt: { not: null }, participants: { some: { user: { linePath: { contains: `/${mei.id}/` } } } } }, orderBy: { endsOn: "desc" } });
  if (!cycle) return;
  const facilitator: Viewer = { id: priya.id, name: priya.name, email: priya.email, isAdmin: true, isHiringAdmin: priya.isHiringAdmin };
  const created = await createSession(facilitator, {
    name: DEMO_SESSION_NAME,
    cycleId: cycle.id,
    ladderId: "engineering",
    facilitatorEmail: priya.email,
    population: "manager",
    managerEmail: mei.email,
    teamIds: [],
    secondDimension: "Potential",
    blindPreRead: false,
  });
  if (!created.ok) throw new Error(`The demo calibration session was not set up: ${JSON.stringify(created.fieldErrors)}`);
  await advanceSession(facilitator, created.sessionId, "proposals");
  const entries = await db.calibrationEntry.findMany({
    where: { sessionId: created.sessionId },
    orderBy: { person: { name: "asc" } },
    select: { id: true, levelId: true, managerAverage: true, manager: { select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true } } },
  });
  for (const [index, entry] of entries.entries()) {
    const manager = entry.manager;
    if (!manager || !["arjun.mehta@example.com", "hannah.kim@example.com", "mei.tanaka@example.com"].includes(manager.email)) continue;
    const rating = Math.max(1, Math.min(4, Math.round(entry.managerAverage ?? 3)));
    const promote = rating === 4 && entry.levelId === "ic3";
    await saveProposal(manager, entry.id, {
      rating,
      outcome: promote ? "promote" : "stay",
      levelId: promote ? "ic4" : undefined,
      text: promote ? "Working at Staff scope on the platform migration; the review's evidence backs it." : "At the bar for the level this cycle; see the review's evidence.",
      second: (index % 3) + 1,
    });
  }
}
