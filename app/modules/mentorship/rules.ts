/**
 * The hard rules of a mentorship programme, as bits: a pair's rule mask has one bit set per
 * rule it breaks, and 0 means the pair is allowed.
 */
import { HARD_RULES, type HardRule } from "./types";

export const RULE_BIT: Readonly<Record<HardRule, number>> = {
  self: 1,
  "management-chain": 2,
  level: 4,
  repeat: 8,
  "same-team": 16,
  "time-zone": 32,
  forbidden: 64,
};

/** How each rule is named in reports ("excluded by …"). */
export const RULE_LABELS: Readonly<Record<HardRule, string>> = {
  self: "same person",
  "management-chain": "management chain",
  level: "level below the mentee's target",
  repeat: "past pair",
  "same-team": "same team",
  "time-zone": "time zone too far",
  forbidden: "forbidden by an admin",
};

/** The rules set in a mask, in the order of `HARD_RULES`. */
export function rulesIn(mask: number): HardRule[] {
  return HARD_RULES.filter((rule) => (mask & RULE_BIT[rule]) !== 0);
}
