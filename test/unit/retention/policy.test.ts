import { describe, expect, test } from "vitest";
import {
  canEraseNow,
  canHold,
  erasuresToReplay,
  feedbackTextDue,
  leaverDue,
  privateNoteDue,
} from "~/modules/retention/policy";

const at = (iso: string) => new Date(iso);

describe("retention rules", () => {
  test("a leaver is due the same day of the month the rule's months later (the month's last day when shorter), once, and never on hold", () => {
    const leftAt = at("2026-01-31T10:00:00Z");
    expect(leaverDue({ leftAt, erased: false, held: false }, 1, at("2026-02-28T09:59:59Z"))).toBe(
      false,
    );
    expect(leaverDue({ leftAt, erased: false, held: false }, 1, at("2026-02-28T10:00:00Z"))).toBe(
      true,
    );
    expect(leaverDue({ leftAt, erased: false, held: true }, 1, at("2027-01-01T00:00:00Z"))).toBe(
      false,
    );
    expect(leaverDue({ leftAt, erased: true, held: false }, 1, at("2027-01-01T00:00:00Z"))).toBe(
      false,
    );
    expect(
      leaverDue({ leftAt: null, erased: false, held: false }, 1, at("2027-01-01T00:00:00Z")),
    ).toBe(false);
    expect(
      leaverDue({ leftAt, erased: false, held: false }, null, at("2030-01-01T00:00:00Z")),
    ).toBe(false);
  });

  test("a private note is due once either person of its series left long enough ago", () => {
    const now = at("2026-12-01T00:00:00Z");
    expect(
      privateNoteDue({ leftAt: [null, at("2025-11-30T00:00:00Z")], held: false }, 12, now),
    ).toBe(true);
    expect(
      privateNoteDue({ leftAt: [at("2026-01-01T00:00:00Z"), null], held: false }, 12, now),
    ).toBe(false);
    expect(
      privateNoteDue({ leftAt: [null, at("2025-11-30T00:00:00Z")], held: true }, 12, now),
    ).toBe(false);
  });

  test("a feedback example is due after the rule's number of later cycles, when it has text", () => {
    expect(feedbackTextDue({ cyclesOpenedSince: 2, held: false, hasText: true }, 2)).toBe(true);
    expect(feedbackTextDue({ cyclesOpenedSince: 1, held: false, hasText: true }, 2)).toBe(false);
    expect(feedbackTextDue({ cyclesOpenedSince: 5, held: false, hasText: false }, 2)).toBe(false);
    expect(feedbackTextDue({ cyclesOpenedSince: 5, held: true, hasText: true }, 2)).toBe(false);
  });

  test("a hold is placed on someone known, not erased, not yet held", () => {
    expect(canHold({ exists: true, erased: false, held: false })).toBe("ok");
    expect(canHold({ exists: false, erased: false, held: false })).toBe("unknown");
    expect(canHold({ exists: true, erased: true, held: false })).toBe("erased");
    expect(canHold({ exists: true, erased: false, held: true })).toBe("held");
  });

  test("an admin erases at once only someone who left, is not erased and is not on hold", () => {
    expect(canEraseNow({ exists: true, left: true, erased: false, held: false })).toBe("ok");
    expect(canEraseNow({ exists: false, left: false, erased: false, held: false })).toBe("unknown");
    expect(canEraseNow({ exists: true, left: false, erased: false, held: false })).toBe("active");
    expect(canEraseNow({ exists: true, left: true, erased: true, held: false })).toBe("erased");
    expect(canEraseNow({ exists: true, left: true, erased: false, held: true })).toBe("held");
  });

  test("a restore replays each erasure of a newer ledger the restored one lacks, once, oldest first", () => {
    const newer = [
      { personId: "b", erasedAt: at("2026-11-02T00:00:00Z") },
      { personId: "a", erasedAt: at("2026-11-01T00:00:00Z") },
      { personId: "b", erasedAt: at("2026-11-02T00:00:00Z") },
      { personId: "c", erasedAt: at("2026-10-01T00:00:00Z") },
    ];
    expect(erasuresToReplay([{ personId: "c" }], newer)).toEqual([
      { personId: "a", erasedAt: at("2026-11-01T00:00:00Z") },
      { personId: "b", erasedAt: at("2026-11-02T00:00:00Z") },
    ]);
  });
});
