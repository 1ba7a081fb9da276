import { z } from "zod";
import { INSIGHT_TABLES } from "~/modules/insights/tables";
import { PersonSchema } from "~/modules/people/person-form";
import { RIGHTS_NO_TOKEN_WRITES } from "./policy";
import { refuseEscapingText } from "~/utils/free-text";

/**
 * The API's bodies, each once: the reads build them, and openapi.ts derives the document's schemas
 * from them (z.toJSONSchema), so what is documented is what is sent. Every object is closed (no
 * property beyond those listed), so a test that checks a response against the document catches
 * anything a read would add.
 */

/** The bodies the API sends, by their name in the document. */
export const bodies = z.registry<{ id: string }>();
/** The bodies it takes. */
export const inputs = z.registry<{ id: string }>();

export const ERROR_CODES = [
  "unauthenticated",
  "insufficient_scope",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "invalid",
  "conflict",
  "scim_in_use",
  "rate_limited",
  "unavailable",
] as const;

export const ApiErrorBody = z
  .object({
    error: z.object({
      status: z.int().describe("The HTTP status, repeated for clients that log bodies only"),
      code: z.enum(ERROR_CODES),
      message: z
        .string()
        .describe("What went wrong, in the language the request asked for (Accept-Language)"),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe("For 422: each field's problems"),
    }),
  })
  .register(bodies, { id: "Error" });

const nextCursor = z
  .string()
  .nullable()
  .describe("Pass as `cursor` for the next page; null on the last page");

const Ref = z.object({ id: z.string(), name: z.string() }).register(bodies, { id: "Ref" });

const adminPagesOnly =
  "Only to an admin's token, as the admins' people page shows it: a person's token reads what their growth pages show, a place in the organisation";

export const ApiPerson = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().optional().describe(adminPagesOnly),
    active: z.boolean().describe("False once the person has left (deactivated)"),
    team: Ref.nullable(),
    manager: Ref.nullable(),
    ladder: z.string().nullable().describe("The ladder (job family) id"),
    track: z.string().nullable(),
    level: z.string().nullable(),
    sublevel: z.string().nullable(),
    isAdmin: z.boolean().optional().describe(adminPagesOnly),
    isHiringAdmin: z.boolean().optional().describe(adminPagesOnly),
  })
  .register(bodies, { id: "Person" });

export const ApiPersonPage = z
  .object({ data: z.array(ApiPerson), nextCursor })
  .register(bodies, { id: "PersonPage" });

export const ApiTeam = z
  .object({ id: z.string(), name: z.string(), activeMembers: z.int().min(0) })
  .register(bodies, { id: "Team" });
export const ApiTeamPage = z
  .object({ data: z.array(ApiTeam), nextCursor })
  .register(bodies, { id: "TeamPage" });

export const ApiLadder = z
  .object({
    id: z.string(),
    name: z.string(),
    version: z.string(),
    contentHash: z
      .string()
      .describe("The hash of the ladder's content: the version assessments and outcomes record"),
    tracks: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        levels: z.array(z.object({ id: z.string(), title: z.string(), summary: z.string() })),
      }),
    ),
    competencies: z.array(z.object({ id: z.string(), name: z.string(), areaId: z.string() })),
  })
  .register(bodies, { id: "Ladder" });
export const ApiLadderList = z
  .object({ data: z.array(ApiLadder) })
  .register(bodies, { id: "LadderList" });

export const ApiCycle = z
  .object({
    id: z.string(),
    name: z.string(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    closedAt: z.iso.datetime().nullable(),
  })
  .register(bodies, { id: "Cycle" });
export const ApiCyclePage = z
  .object({ data: z.array(ApiCycle), nextCursor })
  .register(bodies, { id: "CyclePage" });

export const ApiOutcome = z
  .object({
    id: z.string(),
    cycle: Ref,
    person: Ref,
    ladder: z.string(),
    outcome: z.enum(["promote", "stay", "not-ready"]),
    level: z
      .string()
      .nullable()
      .describe("The level the outcome names (the new level for a promotion)"),
    rating: z.int().nullable().describe("The final overall rating on the session's scale"),
    effectiveOn: z.iso.date().nullable().describe("The day an accepted promotion takes effect"),
  })
  .register(bodies, { id: "Outcome" });
export const ApiOutcomePage = z
  .object({ data: z.array(ApiOutcome), nextCursor })
  .register(bodies, { id: "OutcomePage" });

export const ApiAggregate = z
  .object({
    table: z.enum(INSIGHT_TABLES),
    columns: z.array(z.string()),
    rows: z
      .array(z.array(z.union([z.string(), z.number(), z.null()])))
      .describe(
        "As the insights page's CSV: a group below the disclosure floor keeps its name and its number of people, nothing measured of them",
      ),
  })
  .register(bodies, { id: "Aggregate" });

/** The admins' person form without a person's rights, which no token writes (policy.ts). */
const PersonByToken = PersonSchema.omit(
  Object.fromEntries(RIGHTS_NO_TOKEN_WRITES.map((field) => [field, true])) as Record<
    (typeof RIGHTS_NO_TOKEN_WRITES)[number],
    true
  >,
);
/** A person to add: the admins' person form, as JSON, without rights. */
export const ApiPersonInput = PersonByToken.strict().register(inputs, { id: "PersonInput" });
/** A change to a person: any of the form's fields but rights; those left out keep their value. */
export const ApiPersonPatch = PersonByToken.partial()
  .strict()
  .register(inputs, { id: "PersonPatch" });

const ApiKeyResult = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(["metric", "percent", "binary"]),
    unit: z.string(),
    direction: z.enum(["increase", "decrease"]),
    startValue: z.number(),
    targetValue: z.number(),
    owner: z.string(),
    latestValue: z.number().nullable(),
    confidence: z.enum(["onTrack", "atRisk", "offTrack"]).nullable(),
    progress: z.number().describe("Computed from the latest value, 0 to 1; never typed"),
    finalScore: z.number().nullable().describe("Kept when the period closed, 0 to 1"),
  })
  .register(bodies, { id: "KeyResult" });

const ApiObjective = z
  .object({
    id: z.string(),
    level: z.enum(["company", "team", "person"]),
    title: z.string(),
    commitment: z.enum(["committed", "aspirational"]),
    owner: z.string(),
    team: z.string().nullable(),
    supports: z.string().nullable().describe("The id of the objective it supports"),
    progress: z.number().nullable().describe("The mean of its key results' progress"),
    keyResults: z.array(ApiKeyResult),
  })
  .register(bodies, { id: "Objective" });

export const ApiObjectiveList = z
  .object({
    period: z
      .object({
        id: z.string(),
        name: z.string(),
        startsOn: z.string(),
        endsOn: z.string(),
        closed: z.boolean(),
      })
      .nullable(),
    objectives: z.array(ApiObjective),
  })
  .register(bodies, { id: "ObjectiveList" });

export const ApiCheckIn = z
  .object({
    id: z.string(),
    keyResultId: z.string(),
    value: z.number(),
    confidence: z.enum(["onTrack", "atRisk", "offTrack"]),
    note: z.string(),
    at: z.string(),
  })
  .register(bodies, { id: "CheckIn" });

export const ApiCheckInInput = z
  .object({
    value: z.number().describe("The key result's current value (0 or 1 for done / not done)"),
    confidence: z.enum(["onTrack", "atRisk", "offTrack"]).default("onTrack"),
    note: z.string().max(500).superRefine(refuseEscapingText).default(""),
  })
  .strict()
  .register(inputs, { id: "CheckInInput" });

/** An item of the Edmondson scale or the library: its words are in the product's languages, the key here. */
const teamHealthItem = z
  .string()
  .describe(
    "The item's key (Edmondson's seven, or a Project Aristotle item of the library, which Rungs words in each language; or own-… for one of the organisation's own items, worded in `own`)",
  );

export const ApiTeamHealthResultsRef = z
  .object({
    checkInId: z.string(),
    team: Ref,
    startedAt: z.iso.datetime(),
    closesAt: z.iso.datetime(),
    open: z.boolean(),
    releasedAt: z.iso
      .datetime()
      .nullable()
      .describe("When the figures last moved (a batch completed); null while nothing is shown"),
  })
  .register(bodies, { id: "TeamHealthResultsRef" });

export const ApiTeamHealthResultsList = z
  .object({ data: z.array(ApiTeamHealthResultsRef) })
  .register(bodies, { id: "TeamHealthResultsList" });

const interval = z.tuple([z.number(), z.number()]).describe("95% interval: low, high");

export const ApiTeamHealthResults = z
  .object({
    checkInId: z.string(),
    team: Ref,
    open: z.boolean(),
    closesAt: z.iso.datetime(),
    releasedAt: z.iso.datetime().nullable(),
    floor: z.int().describe("The batch size: figures move only when this many more have answered"),
    answers: z
      .int()
      .min(0)
      .describe("How many answers the figures come from: whole batches only, never a partial one"),
    asked: z.int().min(0).describe("How many people were asked (who answered is never said)"),
    score: z
      .object({ estimate: z.number(), interval })
      .nullable()
      .describe(
        "The scale's score (1 to 7, higher is safer); null unless all seven items are shown",
      ),
    change: z
      .object({ estimate: z.number(), interval })
      .nullable()
      .describe("The score minus the team's last check-in with a score"),
    items: z.array(
      z.object({
        item: teamHealthItem,
        reversed: z.boolean().describe("Worded negatively: scored as 8 − answer"),
        own: z
          .object({
            language: z.string().describe("The language the statement was written in"),
            wording: z
              .record(z.string(), z.string())
              .describe("The statement as the check-in asked it, by language (those written)"),
          })
          .nullable()
          .describe(
            "One of the organisation's own items, as the check-in asked it; null for Edmondson's and the library's items. Never part of the scale's score",
          ),
        shown: z
          .object({
            n: z.int().min(0),
            distribution: z
              .array(z.int().min(0))
              .describe("How many answered each point, 1 to 7, as answered"),
            mean: z.number().describe("The mean as answered"),
            scoredMean: z
              .number()
              .describe("The mean as scored (reverse-scored items turned round)"),
            interval: interval.nullable().describe("The scored mean's 95% t interval"),
          })
          .nullable()
          .describe("Null when nothing of the item is shown"),
        withheld: z
          .boolean()
          .describe(
            "True when a released batch is not shown because its answers were too alike to show without telling what someone answered",
          ),
      }),
    ),
    furthest: z
      .array(z.object({ item: teamHealthItem, gap: z.number() }))
      .describe("The items (as scored) furthest from the mean of the others"),
    followUp: z
      .object({ item: teamHealthItem, text: z.string() })
      .nullable()
      .describe("The action of the team's last check-in that this one asks about"),
    helped: z
      .object({ yes: z.int().min(0), partly: z.int().min(0), no: z.int().min(0) })
      .nullable()
      .describe("Whether the last action helped, from released batches; null when not shown"),
    comments: z
      .array(z.string())
      .describe(
        "Comments of released batches, names removed, sorted so that their order says nothing of when each was written",
      ),
    action: z
      .object({
        item: teamHealthItem,
        text: z.string(),
        owner: z.string().nullable(),
        dueOn: z.iso.date(),
        doneAt: z.iso.datetime().nullable(),
      })
      .nullable()
      .describe("The one action the team chose from these results"),
    trend: z.array(
      z.object({
        checkInId: z.string(),
        startedAt: z.iso.datetime(),
        score: z.number().nullable(),
        interval: interval.nullable(),
      }),
    ),
  })
  .register(bodies, { id: "TeamHealthResults" });
