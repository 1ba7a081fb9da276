import { describe, expect, it } from "vitest";
import { originText } from "~/modules/mentorship/fit";
import { inEnglishWords } from "../../utils/english";
import {
  answerRefusal,
  nextFreeRank,
  placesLeft,
  requestAnswerDue,
  requestRefusal,
  requestStandingForMentee,
  ruleReasonsFor,
  rulesBrokenFor,
  type OwnRequest,
  type RequestFacts,
} from "~/modules/mentorship/requests";
import type { MatchingInput, MenteeInput, MentorInput } from "~/modules/mentorship/types";
import { OPEN_RULES } from "./programmes";

const mentee = (overrides: Partial<MenteeInput> = {}): MenteeInput => ({
  id: "lena",
  teamId: "checkout",
  timeZone: "UTC",
  targetBand: 1,
  goals: [],
  managementChainIds: ["sam", "priya"],
  pastMentorIds: [],
  ...overrides,
});
const mentor = (id: string, overrides: Partial<MentorInput> = {}): MentorInput => ({
  id,
  teamId: "search",
  timeZone: "UTC",
  band: 2,
  strengths: [],
  managementChainIds: [],
  ...overrides,
});

const input = (
  mentors: MentorInput[],
  rules: Partial<MatchingInput["rules"]> = {},
  menteeOverrides: Partial<MenteeInput> = {},
): MatchingInput => ({
  mentees: [mentee(menteeOverrides)],
  mentors,
  rules: { ...OPEN_RULES, ...rules },
  objective: "most-matched",
});

const ask = (overrides: Partial<RequestFacts> = {}): RequestFacts => ({
  phase: "open",
  own: [],
  mentorId: "nora",
  mentorName: "Nora",
  rank: 1,
  ruleReasons: [],
  placesLeft: 1,
  ...overrides,
});

const own = (mentorId: string, rank: number, state: string): OwnRequest => ({
  mentorId,
  mentorName: mentorId[0]!.toUpperCase() + mentorId.slice(1),
  rank,
  state,
});

describe("requests honour every hard rule of the matching", () => {
  it("finds the rules each pair breaks from the matching's own tables", () => {
    const broken = rulesBrokenFor(
      input(
        [
          mentor("sam"),
          mentor("junior", { band: 0 }),
          mentor("past"),
          mentor("mate", { teamId: "checkout" }),
          mentor("far", { timeZone: "Australia/Brisbane" }),
          mentor("banned"),
          mentor("report", { managementChainIds: ["lena"] }),
          mentor("nora"),
        ],
        {
          crossTeamOnly: true,
          maxTimeZoneDifferenceHours: 6,
          forbids: [{ menteeId: "lena", mentorId: "banned" }],
        },
        { pastMentorIds: ["past"] },
      ),
      "lena",
    );
    expect(Object.fromEntries(broken)).toEqual({
      sam: ["management-chain"],
      junior: ["level"],
      past: ["repeat"],
      mate: ["same-team"],
      far: ["time-zone"],
      banned: ["forbidden"],
      report: ["management-chain"],
      nora: [],
    });
  });

  it("says each rule in the mentee's words, naming the mentor and which way a management chain runs", () => {
    const reasons = (rule: Parameters<typeof ruleReasonsFor>[0][number], id = "sam") =>
      ruleReasonsFor([rule], mentee(), { id, name: "Sam Okafor" }, 6);
    const named = (rule: string) => [
      { key: `mentorship:requests.rule.${rule}`, values: { name: "Sam Okafor" } },
    ];
    expect(reasons("management-chain")).toEqual(named("mentorInChain"));
    expect(reasons("management-chain", "report")).toEqual(named("menteeInChain"));
    expect(reasons("level")).toEqual(named("level"));
    expect(reasons("time-zone")).toEqual([
      { key: "mentorship:requests.rule.timeZone", values: { name: "Sam Okafor", hours: 6 } },
    ]);
    expect(reasons("same-team")).toEqual(named("sameTeam"));
    expect(reasons("repeat")).toEqual(named("repeat"));
    expect(reasons("forbidden")).toEqual(named("forbidden"));
    expect(reasons("self")).toEqual([{ key: "mentorship:requests.rule.self" }]);
  });

  it("refuses a request that breaks a rule, with the first rule's reason", () => {
    const chain = { key: "mentorship:requests.rule.mentorInChain", values: { name: "Sam Okafor" } };
    expect(
      requestRefusal(
        ask({
          ruleReasons: [
            chain,
            { key: "mentorship:requests.rule.sameTeam", values: { name: "Sam Okafor" } },
          ],
        }),
      ),
    ).toEqual(chain);
  });
});

describe("a mentee's requests", () => {
  it("allows up to three mentors at once, each at a rank of its own", () => {
    expect(requestRefusal(ask())).toBeNull();
    const three = [
      own("nora", 1, "requested"),
      own("ravi", 2, "requested"),
      own("kai", 3, "requested"),
    ];
    expect(requestRefusal(ask({ own: three, mentorId: "ines", mentorName: "Ines" }))).toEqual({
      key: "mentorship:requests.refusal.tooMany",
      values: { count: 3 },
    });
    // Withdrawn and declined requests free their place and rank.
    const freed = [
      own("nora", 1, "declined"),
      own("ravi", 2, "requested"),
      own("kai", 3, "withdrawn"),
    ];
    expect(
      requestRefusal(ask({ own: freed, mentorId: "ines", mentorName: "Ines", rank: 3 })),
    ).toBeNull();
    expect(
      requestRefusal(ask({ own: freed, mentorId: "ines", mentorName: "Ines", rank: 2 })),
    ).toEqual({ key: "mentorship:requests.refusal.rankTaken", values: { name: "Ravi", rank: 2 } });
    expect(nextFreeRank(freed)).toBe(1);
    expect(nextFreeRank(three)).toBeNull();
    expect(requestRefusal(ask({ rank: 4 }))).toEqual({
      key: "mentorship:mentors.errors.rankMissing",
    });
  });

  it("does not ask the same mentor twice, nor one who declined, nor anyone once a mentor accepted", () => {
    expect(requestRefusal(ask({ own: [own("nora", 1, "requested")], rank: 2 }))).toEqual({
      key: "mentorship:requests.refusal.alreadyAsked",
      values: { name: "Nora" },
    });
    expect(requestRefusal(ask({ own: [own("nora", 1, "declined")], rank: 2 }))).toEqual({
      key: "mentorship:requests.refusal.declined",
      values: { name: "Nora" },
    });
    expect(requestRefusal(ask({ own: [own("ravi", 1, "accepted")], rank: 2 }))).toEqual({
      key: "mentorship:requests.refusal.haveMentor",
      values: { name: "Ravi" },
    });
    // Asking again after withdrawing is fine.
    expect(requestRefusal(ask({ own: [own("nora", 1, "withdrawn")] }))).toBeNull();
  });

  it("refuses a mentor with no place left, and every request once opt-ins close", () => {
    expect(requestRefusal(ask({ placesLeft: 0 }))).toEqual({
      key: "mentorship:requests.refusal.noPlace",
      values: { name: "Nora" },
    });
    expect(requestRefusal(ask({ phase: "matching" }))).toEqual({
      key: "mentorship:requests.refusal.closed",
    });
    expect(requestRefusal(ask({ phase: "published" }))).not.toBeNull();
  });

  it("counts a mentor's places as the matching does: their capacity, at most the programme's maximum, less the pairs holding one", () => {
    expect(placesLeft(2, 3, 1)).toBe(1);
    expect(placesLeft(null, 2, 0)).toBe(2);
    expect(placesLeft(5, 2, 1)).toBe(1);
    expect(placesLeft(1, 2, 3)).toBe(0);
  });

  it("tells the mentee where each request stands, with the mentor's note on a decline", () => {
    expect(
      requestStandingForMentee({
        state: "requested",
        mentorName: "Nora",
        declineNote: null,
        mentorLeft: false,
      }),
    ).toEqual({ key: "mentorship:requests.standing.requested", values: { name: "Nora" } });
    expect(
      requestStandingForMentee({
        state: "declined",
        mentorName: "Nora",
        declineNote: "Full this spring; try Ravi.",
        mentorLeft: false,
      }),
    ).toEqual({
      key: "mentorship:requests.standing.declinedWithNote",
      values: { name: "Nora", note: "Full this spring; try Ravi." },
    });
    expect(
      requestStandingForMentee({
        state: "declined",
        mentorName: "Nora",
        declineNote: null,
        mentorLeft: false,
      }),
    ).toEqual({ key: "mentorship:requests.standing.declined", values: { name: "Nora" } });
    expect(
      requestStandingForMentee({
        state: "declined",
        mentorName: "Nora",
        declineNote: null,
        mentorLeft: true,
      }),
    ).toEqual({ key: "mentorship:requests.standing.mentorLeft", values: { name: "Nora" } });
    expect(
      requestStandingForMentee({
        state: "accepted",
        mentorName: "Nora",
        declineNote: null,
        mentorLeft: false,
      }),
    ).toEqual({ key: "mentorship:requests.standing.accepted", values: { name: "Nora" } });
  });
});

describe("a mentor's answer", () => {
  const answer = (overrides: Partial<Parameters<typeof answerRefusal>[0]> = {}) =>
    answerRefusal({
      phase: "open",
      state: "requested",
      answer: "accepted",
      menteeName: "Lena",
      menteeHasMentor: false,
      ruleReasons: [],
      placesLeft: 1,
      ...overrides,
    });

  it("accepts a waiting request while the rules hold and a place is free, until pairs are published", () => {
    expect(answer()).toBeNull();
    expect(answer({ phase: "matching" })).toBeNull();
    expect(answer({ phase: "published" })).toEqual({
      key: "mentorship:requests.refusal.answersClosed",
    });
    expect(answer({ placesLeft: 0 })).toEqual({ key: "mentorship:requests.refusal.mentorFull" });
    expect(answer({ menteeHasMentor: true })).toEqual({
      key: "mentorship:requests.refusal.menteeHasMentor",
      values: { name: "Lena" },
    });
    expect(
      answer({
        ruleReasons: [{ key: "mentorship:requests.rule.sameTeam", values: { name: "Lena" } }],
      }),
    ).toEqual({ key: "mentorship:requests.refusal.breaksRules" });
  });

  it("declines a waiting request whatever the places, and answers each request once", () => {
    expect(
      answer({
        answer: "declined",
        placesLeft: 0,
        ruleReasons: [{ key: "mentorship:requests.rule.self" }],
      }),
    ).toBeNull();
    expect(answer({ state: "accepted" })).toEqual({
      key: "mentorship:requests.refusal.alreadyAnswered",
    });
    expect(answer({ state: "withdrawn", answer: "declined" })).toEqual({
      key: "mentorship:requests.refusal.withdrawn",
      values: { name: "Lena" },
    });
  });
});

describe("when a mentor's answer is due", () => {
  const matchingOn = new Date("2026-11-30T00:00:00Z");

  it("a week after the request, and never later than the day before the matching day, when the matching pairs everyone else", () => {
    expect(requestAnswerDue(new Date("2026-11-10T15:00:00Z"), matchingOn)).toEqual(
      new Date("2026-11-17T15:00:00Z"),
    );
    expect(requestAnswerDue(new Date("2026-11-25T15:00:00Z"), matchingOn)).toEqual(
      new Date("2026-11-29T00:00:00Z"),
    );
    expect(requestAnswerDue(new Date("2026-11-29T20:00:00Z"), matchingOn)).toEqual(
      new Date("2026-11-29T00:00:00Z"),
    );
  });
});

describe("how a pair came about", () => {
  it("says a requested pair was requested and accepted, with the mentee's choice", () => {
    const said = (...args: Parameters<typeof originText>) => inEnglishWords(originText(...args));
    expect(said("requested", 1)).toBe(
      "Requested by the mentee (their 1st choice) and accepted by the mentor.",
    );
    expect(said("requested", 3)).toBe(
      "Requested by the mentee (their 3rd choice) and accepted by the mentor.",
    );
    expect(said("pinned")).toBe("Pinned by an admin.");
    expect(said("proposed")).toBe("Proposed by the matching.");
    expect(
      [1, 2, 3, 4, 11, 12, 13, 21, 22].map(
        (rank) => said("requested", rank).match(/their (\S+) choice/)![1],
      ),
    ).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"]);
  });
});
