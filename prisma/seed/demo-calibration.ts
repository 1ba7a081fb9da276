import { db } from "../../app/db/client.server.ts";
import type { Viewer } from "../../app/modules/identity/policy.ts";
import {
  advanceSession,
  createSession,
  saveProposal,
} from "../../app/modules/calibration/sessions.server.ts";
import { seedReviewHistory } from "./review-history.ts";

export const DEMO_SESSION_NAME = "Autumn calibration: Platform";
export const DEMO_PRODUCT_SESSION_NAME = "Autumn calibration: Product";

const viewerSelect = {
  id: true,
  name: true,
  email: true,
  isAdmin: true,
  isHiringAdmin: true,
} as const;

const SESSIONS = [
  {
    name: DEMO_SESSION_NAME,
    director: "mei.tanaka@example.com",
    proposers: ["arjun.mehta@example.com", "hannah.kim@example.com", "mei.tanaka@example.com"],
  },
  {
    name: DEMO_PRODUCT_SESSION_NAME,
    director: "daniel.osei@example.com",
    proposers: ["daniel.osei@example.com", "tom.hughes@example.com"],
  },
];

/**
 * The demo's sessions: one per director's organisation, over the closed review cycle every demo
 * person has, each with potential as a second dimension and open for proposals, Priya Raman
 * facilitating. Platform (Mei Tanaka's organisation): Arjun Mehta, Hannah Kim and Mei have
 * proposed for their reports, Sofia Alvarez's are still to come. Product (Daniel Osei's): Daniel
 * and Tom Hughes have proposed, Sam Okafor (the README's manager), Laura Bianchi and Rosa Delgado
 * have not. Made through the calibration module, as a facilitator would. Idempotent.
 */
export async function seedDemoCalibration(now = new Date()): Promise<void> {
  const made = new Set(
    (
      await db.calibrationSession.findMany({
        where: { name: { in: SESSIONS.map((session) => session.name) } },
        select: { name: true },
      })
    ).map((session) => session.name),
  );
  const missing = SESSIONS.filter((session) => !made.has(session.name));
  if (!missing.length) return;
  const priya = await db.user.findUnique({
    where: { email: "priya.raman@example.com" },
    select: viewerSelect,
  });
  if (!priya) return;
  await seedReviewHistory({ cycles: 1, now, seed: 11 });
  const facilitator: Viewer = { ...priya, isAdmin: true };
  for (const setup of missing) {
    const director = await db.user.findUnique({
      where: { email: setup.director },
      select: { id: true },
    });
    if (!director) continue;
    const cycle = await db.reviewCycle.findFirst({
      where: {
        closedAt: { not: null },
        participants: { some: { user: { linePath: { contains: `/${director.id}/` } } } },
      },
      orderBy: { endsOn: "desc" },
      select: { id: true },
    });
    if (!cycle) continue;
    const created = await createSession(facilitator, {
      name: setup.name,
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: priya.email,
      population: "manager",
      managerEmail: setup.director,
      teamIds: [],
      secondDimension: "Potential",
      blindPreRead: false,
    });
    if (!created.ok)
      throw new Error(
        `The demo calibration session ${setup.name} was not set up: ${JSON.stringify(created.fieldErrors)}`,
      );
    await advanceSession(facilitator, created.sessionId, "proposals");
    const entries = await db.calibrationEntry.findMany({
      where: { sessionId: created.sessionId },
      orderBy: { person: { name: "asc" } },
      select: { id: true, levelId: true, managerAverage: true, manager: { select: viewerSelect } },
    });
    for (const [index, entry] of entries.entries()) {
      const manager = entry.manager;
      if (!manager || !setup.proposers.includes(manager.email)) continue;
      const rating = Math.max(1, Math.min(4, Math.round(entry.managerAverage ?? 3)));
      const promote = rating === 4 && entry.levelId === "ic3";
      await saveProposal(manager, entry.id, {
        rating,
        outcome: promote ? "promote" : "stay",
        levelId: promote ? "ic4" : undefined,
        text: promote
          ? "Working at Staff scope across the team's biggest project; the review's evidence backs it."
          : "At the bar for the level this cycle; see the review's evidence.",
        second: (index % 3) + 1,
      });
    }
  }
}
