/** Review data for the growth-page tests, written straight to the database (the pages only read it). */
import { ladderForLevel } from "~/modules/ladders/registry.server";
import { db } from "~/db/client.server";
import { createPerson } from "../../utils/factories";

/** The stored version of the engineering ladder served now. */
export async function engineeringVersionId(): Promise<string> {
  const served = await ladderForLevel("ic2");
  if (!served) throw new Error("the engineering ladder must be served in tests");
  return served.versionId;
}

/** VP > director > manager > engineer (ic2), a peer of the engineer, and an admin outside the line. */
export async function reviewOrganisation() {
  const vp = await createPerson({ name: "Vera VP", track: "manager", level: "m4" });
  const director = await createPerson({
    name: "Dan Director",
    managerId: vp.id,
    track: "manager",
    level: "m3",
  });
  const manager = await createPerson({
    name: "Sam Manager",
    managerId: director.id,
    track: "manager",
    level: "m2",
  });
  const engineer = await createPerson({
    name: "Lena Engineer",
    managerId: manager.id,
    track: "ic",
    level: "ic2",
  });
  const peer = await createPerson({
    name: "Pat Peer",
    managerId: manager.id,
    track: "ic",
    level: "ic2",
  });
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  return { vp, director, manager, engineer, peer, admin };
}

export function createCycle(name: string, startsOn: Date, closed = false) {
  return db.reviewCycle.create({
    data: {
      name,
      startsOn,
      endsOn: new Date(startsOn.getTime() + 30 * 86_400_000),
      closedAt: closed ? new Date(startsOn.getTime() + 31 * 86_400_000) : null,
    },
  });
}

export type RatingSeed = {
  competencyId: string;
  rating: number | null;
  notes?: string;
  marks?: Record<string, "met" | "partly" | "not-met">;
  evidence?: { text: string; url?: string; occurredOn?: Date }[];
};

export async function createAssessment(input: {
  kind: "self" | "manager";
  subjectId: string;
  authorId: string;
  status?: "draft" | "submitted";
  cycleId?: string | null;
  submittedAt?: Date;
  levelId?: string;
  trackId?: string;
  summary?: string;
  ladderVersionId?: string;
  ratings?: RatingSeed[];
}) {
  const status = input.status ?? "submitted";
  return db.assessment.create({
    data: {
      kind: input.kind,
      status,
      subjectId: input.subjectId,
      authorId: input.authorId,
      cycleId: input.cycleId ?? null,
      ladderVersionId: input.ladderVersionId ?? (await engineeringVersionId()),
      trackId: input.trackId ?? "ic",
      levelId: input.levelId ?? "ic2",
      summary: input.summary ?? "",
      submittedAt: status === "submitted" ? (input.submittedAt ?? new Date()) : null,
      ratings: {
        create: (input.ratings ?? []).map((rating) => ({
          competencyId: rating.competencyId,
          rating: rating.rating,
          notes: rating.notes ?? "",
          nextLevelMarks: rating.marks ?? undefined,
          evidence: { create: rating.evidence ?? [] },
        })),
      },
    },
    select: { id: true },
  });
}
