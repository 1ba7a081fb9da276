/**
 * Retention and erasure (decision 091): who sets the rules, and when a record has been kept long
 * enough. Pure rules taking facts; the plan (plan.server.ts) feeds them and the daily pass removes
 * exactly what they say is due, so the admin page's counts and the pass never disagree.
 */

export type RetentionViewer = { id: string; isAdmin: boolean };

/** The kinds of record a rule is set for here; rejected candidates keep their period in hiring's settings. */
export const RULE_KINDS = [
  "private-notes",
  "feedback-texts",
  "leavers",
  "team-health-answers",
] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** What happens to the texts a leaver wrote in other people's records when they are erased. */
export const OTHERS_TEXTS = ["keep", "remove"] as const;
export type OthersTexts = (typeof OTHERS_TEXTS)[number];

/** The unit of each rule and its bounds: months for the two that count from a person's leaving, review cycles for feedback. */
export const RULE_LIMITS: Record<
  RuleKind,
  { unit: "months" | "cycles"; min: number; max: number }
> = {
  "private-notes": { unit: "months", min: 1, max: 120 },
  "feedback-texts": { unit: "cycles", min: 1, max: 20 },
  leavers: { unit: "months", min: 1, max: 120 },
  "team-health-answers": { unit: "months", min: 1, max: 120 },
};

export type Rule = { kind: RuleKind; keepFor: number | null; othersTexts: OthersTexts };

export function canManageRetention(viewer: RetentionViewer): boolean {
  return viewer.isAdmin;
}

/** The same day of the month `months` later (the last day when that month is shorter), in UTC. */
function monthsAfter(at: Date, months: number): Date {
  const target = new Date(
    Date.UTC(
      at.getUTCFullYear(),
      at.getUTCMonth() + months,
      1,
      at.getUTCHours(),
      at.getUTCMinutes(),
      at.getUTCSeconds(),
      at.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  return target;
}

/** A private one-to-one note: due once either person of its series left `keepFor` months ago, unless either is on hold. */
export function privateNoteDue(
  facts: { leftAt: readonly (Date | null)[]; held: boolean },
  keepFor: number | null,
  now: Date,
): boolean {
  if (keepFor === null || facts.held) return false;
  return facts.leftAt.some((leftAt) => leftAt !== null && monthsAfter(leftAt, keepFor) <= now);
}

/** A feedback answer's example: due once `keepFor` later review cycles have opened, unless its reviewer or subject is on hold. */
export function feedbackTextDue(
  facts: { cyclesOpenedSince: number; held: boolean; hasText: boolean },
  keepFor: number | null,
): boolean {
  if (keepFor === null || facts.held || !facts.hasText) return false;
  return facts.cyclesOpenedSince >= keepFor;
}

/**
 * A team's team health answers in a check-in (decision 113): due `keepFor` months after the
 * check-in closed (by hand, or its day came). They hold no person, so no hold keeps them: a hold
 * keeps a person's records, and nothing says which answers were theirs.
 */
export function teamHealthAnswersDue(
  facts: { closedAt: Date | null; closesAt: Date },
  keepFor: number | null,
  now: Date,
): boolean {
  if (keepFor === null) return false;
  const closed = facts.closedAt ?? (facts.closesAt <= now ? facts.closesAt : null);
  return closed !== null && monthsAfter(closed, keepFor) <= now;
}

/** A person who left: erased `keepFor` months after they left, as an erasure goes ahead (once, not on hold). */
export function leaverDue(
  facts: { leftAt: Date | null; erased: boolean; held: boolean },
  keepFor: number | null,
  now: Date,
): boolean {
  if (keepFor === null || facts.leftAt === null) return false;
  if (!erasureGoesAhead({ erased: facts.erased, held: facts.held, replay: false })) return false;
  return monthsAfter(facts.leftAt, keepFor) <= now;
}

/** A hold is placed on someone Rungs knows; erased people have nothing left to hold. */
export function canHold(facts: {
  exists: boolean;
  erased: boolean;
  held: boolean;
}): "ok" | "unknown" | "erased" | "held" {
  if (!facts.exists) return "unknown";
  if (facts.erased) return "erased";
  if (facts.held) return "held";
  return "ok";
}

/** An admin erases a person who left before the rule would (an erasure request received elsewhere): never someone still here or on hold. */
export function canEraseNow(facts: {
  exists: boolean;
  left: boolean;
  erased: boolean;
  held: boolean;
}): "ok" | "unknown" | "active" | "erased" | "held" {
  if (!facts.exists) return "unknown";
  if (facts.erased) return "erased";
  if (!facts.left) return "active";
  // The rest is whether the erasure goes ahead at all: on hold, it does not.
  if (!erasureGoesAhead({ erased: facts.erased, held: facts.held, replay: false })) return "held";
  return "ok";
}

/**
 * Whether an erasure goes ahead: never twice, and never for a person on hold, except a replay after
 * a restore, which repeats an erasure already made. The one statement of what a hold stops: the
 * plan (leaverDue) and the admin's form (canEraseNow) ask it, and the erasure asks it again inside
 * its own transaction, as a hold may be placed between a pass's plan and its erasure.
 */
export function erasureGoesAhead(facts: {
  erased: boolean;
  held: boolean;
  replay: boolean;
}): boolean {
  return !facts.erased && (!facts.held || facts.replay);
}

/**
 * Which erasures a restored database must replay: every entry of a newer ledger (the database the
 * restore replaced, or a ledger file written beside a newer backup) that the restored one lacks.
 */
export function erasuresToReplay(
  restored: readonly { personId: string }[],
  newer: readonly { personId: string; erasedAt: Date }[],
): { personId: string; erasedAt: Date }[] {
  const done = new Set(restored.map((entry) => entry.personId));
  const wanted = new Map<string, Date>();
  for (const entry of newer)
    if (!done.has(entry.personId) && !wanted.has(entry.personId))
      wanted.set(entry.personId, entry.erasedAt);
  return [...wanted]
    .map(([personId, erasedAt]) => ({ personId, erasedAt }))
    .sort(
      (a, b) => a.erasedAt.getTime() - b.erasedAt.getTime() || a.personId.localeCompare(b.personId),
    );
}
