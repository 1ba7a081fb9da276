import { db } from "~/db/client.server";
import type { Viewer } from "~/modules/auth/policy";
import { NotFoundError } from "~/modules/errors";
import { getLevel, getTrack } from "~/modules/ladders";
import { requireLadderOfVersion } from "~/modules/ladders/versions.server";
import { parseAttributes } from "~/modules/people/attributes";
import { fairnessReport, type Dimension } from "./fairness";
import { canSeeFairness } from "./policy";
import { SESSION_STATE_LABELS } from "./session-state";
import { requireSessionAccess } from "./sessions.server";

/** The fairness report of a locked or published session, for admins; a 404 for anyone else and before the lock. */
export async function fairnessView(viewer: Viewer, sessionId: string) {
  const session = await requireSessionAccess(viewer, sessionId);
  if (!canSeeFairness(viewer, session.access)) throw new NotFoundError("There is no fairness report for this session.");
  const ladder = await requireLadderOfVersion(session.ladderVersionId);
  const entries = await db.calibrationEntry.findMany({
    where: { sessionId },
    select: { trackId: true, levelId: true, finalRating: true, finalOutcome: true, person: { select: { attributes: true, team: { select: { name: true } } } } },
  });
  const attributesOf = entries.map((entry) => parseAttributes(entry.person.attributes));
  const attributeNames = [...new Set(attributesOf.flatMap((attributes) => Object.keys(attributes)))].sort();
  const dimensions: Dimension[] = [
    { id: "team", label: "Team" },
    { id: "track", label: "Track" },
    { id: "level", label: "Level" },
    ...attributeNames.map((name) => ({ id: `attribute:${name}`, label: name.charAt(0).toUpperCase() + name.slice(1) })),
  ];
  const people = entries.map((entry, index) => ({
    finalRating: entry.finalRating,
    promoted: entry.finalOutcome === "promote",
    groups: {
      team: entry.person.team?.name ?? null,
      track: entry.trackId ? (getTrack(ladder, entry.trackId)?.name ?? entry.trackId) : null,
      level: entry.levelId ? (getLevel(ladder, entry.levelId)?.title ?? entry.levelId) : null,
      ...Object.fromEntries(attributeNames.map((name) => [`attribute:${name}`, attributesOf[index]![name] ?? null])),
    },
  }));
  return {
    session: { id: session.id, name: session.name, stateLabel: SESSION_STATE_LABELS[session.state] },
    floor: session.groupFloor,
    report: fairnessReport(people, dimensions, session.groupFloor),
  };
}
