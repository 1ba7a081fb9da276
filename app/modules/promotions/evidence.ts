import { mayOfferEvidence } from "./policy";

/**
 * The evidence a packet's case may point to, from what Rungs holds about the nominee: ratings and
 * notes of their submitted self-assessments and the reviews they may read, evidence they recorded
 * between cycles, anonymous excerpts of peer feedback released to them, and their growth plan's
 * focus. Pure: the server gathers the items (evidence.server.ts).
 */
export const EVIDENCE_KINDS = [
  "self-rating",
  "review-rating",
  "career-evidence",
  "feedback",
  "growth",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** One item on offer, and as kept in a case: a copy of its text, so an edit of the source never changes a packet. */
export type EvidenceItem = {
  ref: string;
  kind: EvidenceKind;
  competencyId: string;
  text: string;
  /** The day it happened or was submitted (YYYY-MM-DD), when known. */
  day: string | null;
  rating: number | null;
  /** The nominee has shared it with their manager (career evidence); everything else their manager reads anyway. */
  shared: boolean;
};

export const evidenceRef = (kind: EvidenceKind, id: string) => `${kind}:${id}`;

function isItem(value: unknown): value is EvidenceItem {
  if (typeof value !== "object" || value === null) return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.ref === "string" &&
    typeof item.kind === "string" &&
    (EVIDENCE_KINDS as readonly string[]).includes(item.kind) &&
    typeof item.text === "string"
  );
}

/** A case's stored evidence (a JSON list), read defensively: anything unreadable is left out. */
export function storedEvidence(json: string): EvidenceItem[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter(isItem) : [];
  } catch {
    return [];
  }
}

/** What an author sees on offer for one competency: what they may read of it (policy.ts). */
export function offerFor(
  role: "nominee" | "manager",
  items: readonly EvidenceItem[],
  competencyId: string,
): EvidenceItem[] {
  return items.filter((item) => item.competencyId === competencyId && mayOfferEvidence(role, item));
}

/**
 * The evidence a save keeps: the references chosen, each from what the author has on offer or
 * already in the case (a manager keeps what the nominee chose, even what they could not have
 * offered). Null when a reference names nothing either holds.
 */
export function chooseEvidence(
  refs: readonly string[],
  offered: readonly EvidenceItem[],
  kept: readonly EvidenceItem[],
): EvidenceItem[] | null {
  const known = new Map([...kept, ...offered].map((item) => [item.ref, item]));
  const chosen: EvidenceItem[] = [];
  for (const ref of new Set(refs)) {
    const item = known.get(ref);
    if (!item) return null;
    chosen.push(item);
  }
  return chosen;
}
