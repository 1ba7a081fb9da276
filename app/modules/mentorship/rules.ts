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

/** Each rule's name (`mentorship:rule.*`), as reports ("excluded by …") and the unpaired table's headings say it. */
export const RULE_KEYS = {
  self: "rule.self",
  "management-chain": "rule.managementChain",
  level: "rule.level",
  repeat: "rule.repeat",
  "same-team": "rule.sameTeam",
  "time-zone": "rule.timeZone",
  forbidden: "rule.forbidden",
} as const satisfies Record<HardRule, string>;

/** The rules set in a mask, in the order of `HARD_RULES`. */
export function rulesIn(mask: number): HardRule[] {
  return HARD_RULES.filter((rule) => (mask & RULE_BIT[rule]) !== 0);
}
