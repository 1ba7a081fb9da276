import { describe, expect, it } from "vitest";
import {
  assignSchema,
  CandidateSchema,
  DecisionSchema,
  NewOpeningSchema,
  RetentionSchema,
} from "~/modules/hiring/forms";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((issue) => issue.message);

describe("hiring forms", () => {
  it("an opening needs a title and a level; other hiring admins are an email list, lower-cased, each once", () => {
    expect(
      messages(NewOpeningSchema.safeParse({ title: " ", ladderId: "engineering", levelId: "" })),
    ).toEqual(["hiring:newOpening.errors.titleMissing", "hiring:newOpening.errors.levelMissing"]);
    expect(
      NewOpeningSchema.parse({
        title: "Staff",
        ladderId: "engineering",
        levelId: "ic4",
        adminEmails: "A@x.com, a@x.com\nb@x.com",
      }).adminEmails,
    ).toEqual(["a@x.com", "b@x.com"]);
  });

  it("a candidate's email is optional but must look like one", () => {
    expect(CandidateSchema.parse({ name: "Casey" })).toEqual({
      name: "Casey",
      email: "",
      source: "",
      notes: "",
    });
    expect(messages(CandidateSchema.safeParse({ name: "Casey", email: "casey" }))).toEqual([
      "hiring:opening.errors.emailInvalid",
    ]);
  });

  it("an interview's time is read on the scheduler's clock; an empty one is not scheduled; nonsense is refused", () => {
    const onBerlin = assignSchema("Europe/Berlin");
    expect(
      onBerlin
        .parse({ stageId: "s", email: "a@x.com", scheduledAt: "2026-11-24T14:30" })
        .scheduledAt?.toISOString(),
    ).toBe("2026-11-24T13:30:00.000Z");
    expect(
      assignSchema("UTC")
        .parse({ stageId: "s", email: "a@x.com", scheduledAt: "2026-11-24T14:30" })
        .scheduledAt?.toISOString(),
    ).toBe("2026-11-24T14:30:00.000Z");
    expect(
      onBerlin.parse({ stageId: "s", email: "a@x.com", scheduledAt: "" }).scheduledAt,
    ).toBeNull();
    expect(
      messages(onBerlin.safeParse({ stageId: "s", email: "a@x.com", scheduledAt: "tomorrow" })),
    ).toEqual(["hiring:loop.errors.dateTimeInvalid"]);
  });

  it("a decision needs its rationale, and hiring at another level needs the level", () => {
    expect(messages(DecisionSchema.safeParse({ decision: "maybe", rationale: "" }))).toEqual([
      "hiring:debrief.errors.decisionMissing",
      "hiring:debrief.errors.rationaleMissing",
    ]);
    expect(
      messages(DecisionSchema.safeParse({ decision: "hire-other-level", rationale: "Close" })),
    ).toEqual(["hiring:debrief.errors.levelMissing"]);
  });

  it("retention: empty keeps candidates until purged; otherwise whole days from one to ten years", () => {
    expect(RetentionSchema.parse({ retentionDays: "" }).retentionDays).toBeNull();
    expect(RetentionSchema.parse({ retentionDays: "180" }).retentionDays).toBe(180);
    expect(messages(RetentionSchema.safeParse({ retentionDays: "0" }))).toEqual([
      "hiring:settings.errors.atLeastOne",
    ]);
    expect(messages(RetentionSchema.safeParse({ retentionDays: "1.5" }))).toEqual([
      "hiring:settings.errors.whole",
    ]);
  });
});
