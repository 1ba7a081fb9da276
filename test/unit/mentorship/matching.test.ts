import { describe, expect, it } from "vitest";
import { InvalidError } from "~/modules/errors";
import {
  matchProgramme as matchProgrammeInMessages,
  rerunForUnpaired as rerunForUnpairedInMessages,
} from "~/modules/mentorship/matching";
import { diffMatchings, previewWeights } from "~/modules/mentorship/preview";
import {
  HARD_RULES,
  type HardRule,
  type MatchingInput,
  type MatchingResult,
  type MenteeInput,
  type MentorInput,
} from "~/modules/mentorship/types";
import { OPEN_RULES } from "./programmes";
import { inEnglishDeep } from "../../utils/english";

const matchProgramme = (...args: Parameters<typeof matchProgrammeInMessages>) =>
  inEnglishDeep(matchProgrammeInMessages(...args));
const rerunForUnpaired = (...args: Parameters<typeof rerunForUnpairedInMessages>) =>
  inEnglishDeep(rerunForUnpairedInMessages(...args));

function mentee(id: string, overrides: Partial<MenteeInput> = {}): MenteeInput {
  return {
    id,
    teamId: "mentees",
    timeZone: "UTC",
    targetBand: 1,
    goals: [],
    managementChainIds: [],
    pastMentorIds: [],
    ...overrides,
  };
}

function mentor(id: string, overrides: Partial<MentorInput> = {}): MentorInput {
  return {
    id,
    teamId: "mentors",
    timeZone: "UTC",
    band: 2,
    strengths: [],
    managementChainIds: [],
    ...overrides,
  };
}

function programme(
  mentees: MenteeInput[],
  mentors: MentorInput[],
  overrides: Partial<MatchingInput> = {},
  rules: Partial<MatchingInput["rules"]> = {},
): MatchingInput {
  return {
    mentees,
    mentors,
    rules: { ...OPEN_RULES, maxMenteesPerMentor: 1, ...rules },
    objective: "most-matched",
    ...overrides,
  };
}

const pairsOf = (result: MatchingResult) =>
  result.pairs.map((pair) => `${pair.menteeId}-${pair.mentorId}`);

const noRules = (): Record<HardRule, number> => ({
  self: 0,
  "management-chain": 0,
  level: 0,
  repeat: 0,
  "same-team": 0,
  "time-zone": 0,
  forbidden: 0,
});

/**
 * Two mentees and two mentors (capacity 1) where the best total leaves a low pair:
 * ana–xia 5, ana–yan 2.5, bo–xia 3, bo–yan 1 (goals weighted 3, cross-team 1, level 1).
 */
function tradeOff(overrides: Partial<MatchingInput> = {}): MatchingInput {
  return programme(
    [
      mentee("ana", {
        teamId: "t1",
        targetBand: 6,
        goals: [
          { competencyId: "a", gap: 1 },
          { competencyId: "b", gap: 1 },
        ],
      }),
      mentee("bo", {
        teamId: "t3",
        targetBand: 1,
        goals: [
          { competencyId: "c", gap: 2 },
          { competencyId: "d", gap: 1 },
        ],
      }),
    ],
    [
      mentor("xia", { teamId: "t2", band: 7, strengths: ["a", "b", "c"] }),
      mentor("yan", { teamId: "t1", band: 7, strengths: ["a"] }),
    ],
    { weights: { goals: 3, crossTeam: 1, level: 1 }, ...overrides },
  );
}

describe("hard rules", () => {
  const cases: [HardRule, MatchingInput][] = [
    ["self", programme([mentee("sam")], [mentor("sam")])],
    [
      "management-chain",
      programme([mentee("ana", { managementChainIds: ["boss", "ceo"] })], [mentor("boss")]),
    ],
    [
      "management-chain",
      programme([mentee("ana")], [mentor("lee", { managementChainIds: ["ana"] })]),
    ],
    ["level", programme([mentee("ana", { targetBand: 3 })], [mentor("lee", { band: 2 })])],
    ["repeat", programme([mentee("ana", { pastMentorIds: ["lee"] })], [mentor("lee")])],
    [
      "same-team",
      programme(
        [mentee("ana", { teamId: "core" })],
        [mentor("lee", { teamId: "core" })],
        {},
        { crossTeamOnly: true },
      ),
    ],
    [
      "time-zone",
      programme(
        [mentee("ana", { timeZone: "Asia/Kolkata" })],
        [mentor("lee", { timeZone: "America/Bogota" })],
        {},
        { maxTimeZoneDifferenceHours: 8 },
      ),
    ],
    [
      "forbidden",
      programme(
        [mentee("ana")],
        [mentor("lee")],
        {},
        { forbids: [{ menteeId: "ana", mentorId: "lee" }] },
      ),
    ],
  ];

  it.each(cases)("%s: the only pair is refused and the report counts the rule", (rule, input) => {
    const result = matchProgramme(input);
    expect(result.pairs).toEqual([]);
    expect(result.unpaired).toHaveLength(1);
    expect(result.unpaired[0]!.excludedBy).toEqual({ ...noRules(), [rule]: 1 });
    expect(result.unpaired[0]!.eligibleMentors).toBe(0);
    // Without the rule the pair is made.
    const relaxed = matchProgramme({
      ...input,
      mentees: input.mentees.map((person) => ({
        ...person,
        id: rule === "self" ? "someone-else" : person.id,
        managementChainIds: [],
        pastMentorIds: [],
        targetBand: 1,
      })),
      mentors: input.mentors.map((person) => ({ ...person, managementChainIds: [] })),
      rules: OPEN_RULES,
    });
    expect(relaxed.pairs).toHaveLength(1);
  });

  it("allows a repeat pair when the programme allows repeats, and measures time zones on the 24-hour clock", () => {
    expect(
      pairsOf(
        matchProgramme(
          programme(
            [mentee("ana", { pastMentorIds: ["lee"] })],
            [mentor("lee")],
            {},
            { allowRepeatPairs: true },
          ),
        ),
      ),
    ).toEqual(["ana-lee"]);
    // UTC+12 and UTC−11 are an hour apart.
    const farApart = programme(
      [mentee("ana", { timeZone: "Etc/GMT-12" })],
      [mentor("lee", { timeZone: "Pacific/Pago_Pago" })],
      {},
      { maxTimeZoneDifferenceHours: 1 },
    );
    expect(pairsOf(matchProgramme(farApart))).toEqual(["ana-lee"]);
  });

  it("compares time zones on every day of the programme, as clocks change on different days", () => {
    // London and New York are four hours apart from 8 to 28 March 2026 (New York has moved its clocks, London not yet), five otherwise.
    const across = (startsOn: string, endsOn: string) =>
      programme(
        [mentee("ana", { timeZone: "Europe/London" })],
        [mentor("lee", { timeZone: "America/New_York" })],
        {},
        { maxTimeZoneDifferenceHours: 4, startsOn: new Date(startsOn), endsOn: new Date(endsOn) },
      );
    expect(pairsOf(matchProgramme(across("2026-03-09", "2026-03-27")))).toEqual(["ana-lee"]);
    expect(
      matchProgramme(across("2026-03-09", "2026-04-10")).unpaired[0]?.excludedBy["time-zone"],
    ).toBe(1);
    expect(
      matchProgramme(across("2026-01-05", "2026-03-09")).unpaired[0]?.excludedBy["time-zone"],
    ).toBe(1);
    // And in autumn: London moves back on 25 October, New York on 1 November.
    expect(pairsOf(matchProgramme(across("2026-10-26", "2026-10-31")))).toEqual(["ana-lee"]);
    expect(pairsOf(matchProgramme(across("2026-10-26", "2026-11-02")))).toEqual([]);
  });

  it("refuses a zone nobody knows", () => {
    expect(() =>
      matchProgramme(programme([mentee("ana", { timeZone: "Mars/Olympus" })], [mentor("lee")])),
    ).toThrow(/Mars\/Olympus is not a time zone/);
  });

  it("reports, for an unpaired mentee, how many mentors each rule excluded and whether eligible mentors had room", () => {
    const input = programme(
      [
        mentee("pia", { teamId: "ops" }),
        mentee("ana", {
          teamId: "core",
          targetBand: 2,
          timeZone: "Africa/Lagos",
          managementChainIds: ["m1"],
          pastMentorIds: ["m4"],
        }),
      ],
      [
        mentor("m1"),
        mentor("m2", { managementChainIds: ["ana"] }),
        mentor("m3", { band: 1, teamId: "core" }),
        mentor("m4"),
        mentor("m5", { timeZone: "Australia/Brisbane" }),
        mentor("m6"),
        mentor("ana"),
        mentor("m7"),
      ],
      {},
      {
        crossTeamOnly: true,
        maxTimeZoneDifferenceHours: 6,
        forbids: [{ menteeId: "ana", mentorId: "m6" }],
        pins: [{ menteeId: "pia", mentorId: "m7" }],
      },
    );
    const result = matchProgramme(input);
    expect(pairsOf(result)).toEqual(["pia-m7"]);
    expect(result.unpaired).toEqual([
      {
        menteeId: "ana",
        excludedBy: {
          self: 1,
          "management-chain": 2,
          level: 1,
          repeat: 1,
          "same-team": 1,
          "time-zone": 1,
          forbidden: 1,
        },
        eligibleMentors: 1,
        eligibleWithFreeSlots: 0,
        anyFreeSlots: true,
        reason: "The only eligible mentor is full; the mentors with free slots break a hard rule",
      },
    ]);
    const alone = matchProgramme({ ...input, mentors: input.mentors.slice(0, 3) });
    expect(alone.unpaired.find((report) => report.menteeId === "ana")!.reason).toBe(
      "No mentor passes every hard rule (mentors excluded by management chain 2, level below the mentee's target 1, same team 1)",
    );
  });
});

describe("capacity", () => {
  it("defaults to the programme's maximum, and a mentor's own capacity never exceeds it", () => {
    const mentees = ["a", "b", "c", "d"].map((id) => mentee(id));
    const defaulted = matchProgramme(
      programme(mentees, [mentor("lee")], {}, { maxMenteesPerMentor: 2 }),
    );
    expect(defaulted.summary).toMatchObject({ paired: 2, unpaired: 2, slots: 2 });
    const capped = matchProgramme(
      programme(
        mentees,
        [mentor("lee", { capacity: 5 }), mentor("kim", { capacity: 1 })],
        {},
        { maxMenteesPerMentor: 2 },
      ),
    );
    expect(capped.summary).toMatchObject({ paired: 3, slots: 3 });
    expect(capped.pairs.filter((pair) => pair.mentorId === "lee")).toHaveLength(2);
    expect(matchProgramme(programme(mentees, [mentor("lee", { capacity: 0 })])).pairs).toEqual([]);
  });

  it("finds the optimum over the whole programme, not greedily", () => {
    // Greedy would give ana her best mentor (xia) and leave bo with nobody.
    const input = programme(
      [
        mentee("ana", { goals: [{ competencyId: "testing", gap: 1 }] }),
        mentee("bo", { goals: [{ competencyId: "testing", gap: 1 }], pastMentorIds: ["yan"] }),
      ],
      [mentor("xia", { strengths: ["testing"] }), mentor("yan", { strengths: [] })],
    );
    expect(pairsOf(matchProgramme(input))).toEqual(["ana-yan", "bo-xia"]);
  });
});

describe("objectives", () => {
  // ana fits xia far better than yan; bo can only have xia (yan's level is below bo's target).
  const input = programme(
    [
      mentee("ana", { teamId: "t1", goals: [{ competencyId: "testing", gap: 3 }] }),
      mentee("bo", { teamId: "t3", targetBand: 2 }),
    ],
    [
      mentor("xia", { teamId: "t2", band: 2, strengths: ["testing"] }),
      mentor("yan", { teamId: "t1", band: 1 }),
    ],
  );

  it("most-fit maximises the total fit and may leave someone unpaired", () => {
    const result = matchProgramme({ ...input, objective: "most-fit" });
    expect(pairsOf(result)).toEqual(["ana-xia"]);
    expect(result.summary).toMatchObject({
      objective: "most-fit",
      paired: 1,
      unpaired: 1,
      totalFit: 5,
    });
    expect(result.unpaired[0]).toMatchObject({
      menteeId: "bo",
      excludedBy: { level: 1 },
      eligibleMentors: 1,
      eligibleWithFreeSlots: 0,
      anyFreeSlots: true,
      reason: "The only eligible mentor is full; the mentors with free slots break a hard rule",
    });
  });

  it("most-matched pairs as many as possible, then maximises the total fit", () => {
    const result = matchProgramme({ ...input, objective: "most-matched" });
    expect(pairsOf(result)).toEqual(["ana-yan", "bo-xia"]);
    expect(result.summary).toMatchObject({ paired: 2, unpaired: 0, totalFit: 2 });
  });
});

describe("fairness", () => {
  it("raises the lowest fit as far as it can, then maximises the total above that floor", () => {
    const plain = matchProgramme(tradeOff());
    expect(pairsOf(plain)).toEqual(["ana-xia", "bo-yan"]);
    expect(plain.summary).toMatchObject({ totalFit: 6, lowestFit: 1, fairnessThreshold: null });
    const fair = matchProgramme(tradeOff({ fairness: true }));
    expect(pairsOf(fair)).toEqual(["ana-yan", "bo-xia"]);
    expect(fair.summary).toMatchObject({ totalFit: 5.5, lowestFit: 2.5, fairnessThreshold: 2.5 });
  });

  it("keeps the number of pairs of the objective", () => {
    // cy can only have zoe, at a fit of 0.5: leaving cy out would lift the floor, but fairness never drops a pair.
    const [ana, bo] = tradeOff().mentees;
    const input = tradeOff({
      objective: "most-fit",
      fairness: true,
      mentees: [
        { ...ana!, pastMentorIds: ["zoe"] },
        { ...bo!, pastMentorIds: ["zoe"] },
        mentee("cy", { teamId: "t8", targetBand: 2, pastMentorIds: ["xia", "yan"] }),
      ],
      mentors: [...tradeOff().mentors, mentor("zoe", { teamId: "t8" })],
    });
    const result = matchProgramme(input);
    expect(pairsOf(result)).toEqual(["ana-xia", "bo-yan", "cy-zoe"]);
    expect(result.summary).toMatchObject({ paired: 3, lowestFit: 0.5, fairnessThreshold: 0.5 });
  });
});

describe("pins and forbids", () => {
  it("forces a pinned pair even when the optimum would not choose it", () => {
    const result = matchProgramme(
      tradeOff({
        rules: {
          ...OPEN_RULES,
          maxMenteesPerMentor: 1,
          pins: [{ menteeId: "bo", mentorId: "xia" }],
        },
      }),
    );
    expect(result.pairs.map((pair) => [pair.menteeId, pair.mentorId, pair.source])).toEqual([
      ["ana", "yan", "proposed"],
      ["bo", "xia", "pinned"],
    ]);
    expect(result.summary).toMatchObject({ pinned: 1, proposed: 1, rejectedPins: 0 });
  });

  it("reports pins that break a rule, exceed capacity, repeat a mentee or name nobody, and applies none of them", () => {
    const input = tradeOff({
      rules: {
        ...OPEN_RULES,
        maxMenteesPerMentor: 1,
        forbids: [{ menteeId: "ana", mentorId: "yan" }],
        pins: [
          { menteeId: "ana", mentorId: "yan" },
          { menteeId: "ana", mentorId: "xia" },
          { menteeId: "ana", mentorId: "yan" },
          { menteeId: "bo", mentorId: "xia" },
          { menteeId: "zed", mentorId: "xia" },
          { menteeId: "bo", mentorId: "nobody" },
        ],
      },
    });
    const result = matchProgramme(input);
    expect(
      result.rejectedPins.map((pin) => [pin.menteeId, pin.mentorId, pin.problem, pin.rules]),
    ).toEqual([
      ["ana", "yan", "breaks-rules", ["forbidden"]],
      ["ana", "yan", "mentee-already-paired", []],
      ["bo", "xia", "over-capacity", []],
      ["zed", "xia", "unknown-mentee", []],
      ["bo", "nobody", "unknown-mentor", []],
    ]);
    expect(result.rejectedPins[0]!.message).toBe("it breaks forbidden by an admin.");
    expect(result.rejectedPins[2]!.message).toBe("the mentor has no free slot left (capacity 1).");
    expect(result.pairs.map((pair) => [pair.menteeId, pair.mentorId, pair.source])).toEqual([
      ["ana", "xia", "pinned"],
      ["bo", "yan", "proposed"],
    ]);
  });

  it("never proposes a forbidden pair", () => {
    const result = matchProgramme(
      tradeOff({
        rules: {
          ...OPEN_RULES,
          maxMenteesPerMentor: 1,
          forbids: [{ menteeId: "ana", mentorId: "xia" }],
        },
      }),
    );
    expect(pairsOf(result)).toEqual(["ana-yan", "bo-xia"]);
  });
});

describe("rerun for the unpaired", () => {
  it("keeps the accepted pairs, uses their slots, and pairs the rest again", () => {
    // bo declined yan: the admin forbids that pair and reruns, keeping ana's accepted pair.
    const declined = tradeOff({
      rules: {
        ...OPEN_RULES,
        maxMenteesPerMentor: 1,
        forbids: [{ menteeId: "bo", mentorId: "yan" }],
      },
    });
    const rerun = rerunForUnpaired(declined, [{ menteeId: "ana", mentorId: "xia" }]);
    expect(rerun.pairs.map((pair) => [pair.menteeId, pair.mentorId, pair.source])).toEqual([
      ["ana", "xia", "accepted"],
    ]);
    expect(rerun.unpaired[0]).toMatchObject({
      menteeId: "bo",
      eligibleMentors: 1,
      eligibleWithFreeSlots: 0,
    });
    expect(rerun.summary).toMatchObject({ accepted: 1, proposed: 0, paired: 1 });
    // With room for two, bo gets xia's second slot.
    const roomier = rerunForUnpaired(
      { ...declined, rules: { ...declined.rules, maxMenteesPerMentor: 2 } },
      [{ menteeId: "ana", mentorId: "xia" }],
    );
    expect(roomier.pairs.map((pair) => [pair.menteeId, pair.mentorId, pair.source])).toEqual([
      ["ana", "xia", "accepted"],
      ["bo", "xia", "proposed"],
    ]);
  });

  it("refuses accepted pairs that name someone outside the programme", () => {
    expect(() => rerunForUnpaired(tradeOff(), [{ menteeId: "ana", mentorId: "ghost" }])).toThrow(
      InvalidError,
    );
  });
});

describe("requested and accepted pairs", () => {
  it("keeps a requested pair fixed, uses its mentor's slot, and places everyone else around it", () => {
    // On fit alone ana would have xia and bo yan; ana asked yan and yan accepted, so bo gets xia.
    const result = matchProgramme(
      tradeOff({ requested: [{ menteeId: "ana", mentorId: "yan", rank: 2 }] }),
    );
    expect(result.pairs.map((pair) => [pair.menteeId, pair.mentorId, pair.source])).toEqual([
      ["ana", "yan", "requested"],
      ["bo", "xia", "proposed"],
    ]);
    expect(result.summary).toMatchObject({ requested: 1, proposed: 1, paired: 2, accepted: 0 });
    // With the one slot of xia also taken by a request, bo is left unpaired: the requested pairs hold their places.
    const full = matchProgramme(
      tradeOff({
        requested: [{ menteeId: "ana", mentorId: "xia", rank: 1 }],
        rules: {
          ...OPEN_RULES,
          maxMenteesPerMentor: 1,
          forbids: [{ menteeId: "bo", mentorId: "yan" }],
        },
      }),
    );
    expect(full.pairs.map((pair) => [pair.menteeId, pair.mentorId, pair.source])).toEqual([
      ["ana", "xia", "requested"],
    ]);
    expect(full.unpaired[0]).toMatchObject({
      menteeId: "bo",
      eligibleMentors: 1,
      eligibleWithFreeSlots: 0,
    });
  });

  it("keeps a requested pair whatever its fit, even below the fairness floor, and a rerun keeps it beside the accepted ones", () => {
    const fair = matchProgramme(
      tradeOff({ fairness: true, requested: [{ menteeId: "bo", mentorId: "yan", rank: 1 }] }),
    );
    expect(fair.pairs.map((pair) => [pair.menteeId, pair.mentorId, pair.source, pair.fit])).toEqual(
      [
        ["ana", "xia", "proposed", 5],
        ["bo", "yan", "requested", 1],
      ],
    );
    const rerun = rerunForUnpaired(
      { ...tradeOff(), requested: [{ menteeId: "bo", mentorId: "yan", rank: 3 }] },
      [{ menteeId: "ana", mentorId: "xia" }],
    );
    expect(rerun.pairs.map((pair) => [pair.menteeId, pair.source])).toEqual([
      ["ana", "accepted"],
      ["bo", "requested"],
    ]);
  });

  it("explains a requested pair's fit as any other, and says it was requested and accepted", () => {
    const result = matchProgramme(
      tradeOff({
        competencyNames: { a: "Testing", b: "Design" },
        requested: [{ menteeId: "ana", mentorId: "yan", rank: 2 }],
      }),
    );
    const [requested, proposed] = result.pairs;
    expect(requested!.origin).toBe(
      "Requested by the mentee (their 2nd choice) and accepted by the mentor.",
    );
    expect(requested!.fit).toBe(2.5);
    expect(requested!.factors.map((factor) => factor.text)).toEqual([
      "Covers 1 of 2 goals: Testing (gap 1)",
      "Same team as the mentee",
      "Mentor is 1 band above the mentee's target level (preferred)",
    ]);
    expect(proposed!.origin).toBe("Proposed by the matching.");
  });

  it("refuses a requested pair naming someone outside the programme, or two for one mentee", () => {
    expect(() =>
      matchProgramme(tradeOff({ requested: [{ menteeId: "ana", mentorId: "ghost", rank: 1 }] })),
    ).toThrow(InvalidError);
    expect(() =>
      matchProgramme(
        tradeOff({
          requested: [
            { menteeId: "ana", mentorId: "xia", rank: 1 },
            { menteeId: "ana", mentorId: "yan", rank: 2 },
          ],
        }),
      ),
    ).toThrow(/more than one/);
  });

  it("does not apply a pin for a mentee whose request was accepted", () => {
    const result = matchProgramme(
      tradeOff({
        requested: [{ menteeId: "ana", mentorId: "yan", rank: 1 }],
        rules: {
          ...OPEN_RULES,
          maxMenteesPerMentor: 1,
          pins: [{ menteeId: "ana", mentorId: "xia" }],
        },
      }),
    );
    expect(result.rejectedPins.map((pin) => pin.problem)).toEqual(["mentee-already-paired"]);
  });
});

describe("explanations and summary", () => {
  it("explains each pair factor by factor, the contributions adding up to the fit", () => {
    const result = matchProgramme(tradeOff({ competencyNames: { a: "Testing", b: "Design" } }));
    const pair = result.pairs.find((candidate) => candidate.menteeId === "ana")!;
    expect(pair.fit).toBe(5);
    expect(pair.factors).toEqual([
      {
        factor: "goals",
        raw: 1,
        weight: 3,
        contribution: 3,
        text: "Covers 2 of 2 goals: Testing (gap 1), Design (gap 1)",
      },
      {
        factor: "cross-team",
        raw: 1,
        weight: 1,
        contribution: 1,
        text: "Different team: cross-team exposure",
      },
      {
        factor: "level",
        raw: 1,
        weight: 1,
        contribution: 1,
        text: "Mentor is 1 band above the mentee's target level (preferred)",
      },
    ]);
    expect(result.summary).toEqual({
      objective: "most-matched",
      mentees: 2,
      mentors: 2,
      slots: 2,
      paired: 2,
      unpaired: 0,
      pinned: 0,
      accepted: 0,
      requested: 0,
      proposed: 2,
      totalFit: 6,
      averageFit: 3,
      lowestFit: 1,
      fairnessThreshold: null,
      rejectedPins: 0,
    });
  });

  it("refuses input that makes no sense", () => {
    expect(() => matchProgramme(programme([mentee("a"), mentee("a")], []))).toThrow(/listed twice/);
    expect(() =>
      matchProgramme(programme([mentee("a", { goals: [{ competencyId: "x", gap: -1 }] })], [])),
    ).toThrow(/gap of 0 or more/);
    expect(() =>
      matchProgramme(
        programme(
          [
            mentee("a", {
              goals: [
                { competencyId: "x", gap: 1 },
                { competencyId: "x", gap: 2 },
              ],
            }),
          ],
          [],
        ),
      ),
    ).toThrow(/twice/);
    expect(() => matchProgramme(programme([], [], { weights: { goals: -1 } }))).toThrow(
      /weight of goals/,
    );
    expect(() => matchProgramme(programme([], [mentor("m", { capacity: 1.5 })]))).toThrow(
      /capacity/,
    );
    expect(() => matchProgramme(programme([], [], {}, { maxTimeZoneDifferenceHours: -2 }))).toThrow(
      /time-zone/,
    );
  });

  it("lists every hard rule in every report", () => {
    const result = matchProgramme(programme([mentee("ana")], []));
    expect(Object.keys(result.unpaired[0]!.excludedBy)).toEqual([...HARD_RULES]);
    expect(result.unpaired[0]!.reason).toBe("There are no mentors");
  });
});

describe("previewing new weights", () => {
  it("lists the pairs added, removed and kept", () => {
    // cy can only have zoe, and zoe only cy (past pairs rule the rest out).
    const [ana, bo] = tradeOff().mentees;
    const input = tradeOff({
      mentees: [
        ana!,
        { ...bo!, pastMentorIds: ["zoe"] },
        mentee("cy", { teamId: "t9", pastMentorIds: ["xia", "yan"] }),
      ],
      mentors: [...tradeOff().mentors, mentor("zoe", { teamId: "t8" })],
    });
    // Without the cross-team factor, ana and bo swap mentors; cy keeps zoe at a lower fit.
    const preview = previewWeights(input, { crossTeam: 0 });
    expect(pairsOf(preview.before)).toEqual(["ana-xia", "bo-yan", "cy-zoe"]);
    expect(pairsOf(preview.after)).toEqual(["ana-yan", "bo-xia", "cy-zoe"]);
    expect(preview.diff.added.map((pair) => `${pair.menteeId}-${pair.mentorId}`)).toEqual([
      "ana-yan",
      "bo-xia",
    ]);
    expect(preview.diff.removed.map((pair) => `${pair.menteeId}-${pair.mentorId}`)).toEqual([
      "ana-xia",
      "bo-yan",
    ]);
    expect(preview.diff.kept).toEqual([
      { menteeId: "cy", mentorId: "zoe", fitBefore: 2, fitAfter: 1 },
    ]);
    expect(preview.diff.totalFitBefore).toBe(8);
    expect(preview.diff.totalFitAfter).toBe(5.5);
    expect(diffMatchings(preview.before, preview.before)).toMatchObject({
      added: [],
      removed: [],
      kept: expect.any(Array),
    });
  });
});
