/** Team health's forms, one zod schema each, on the client and the server through conform. */
import { z } from "zod";
import { Day } from "~/modules/days";
import { HELPED, LIBRARY_ITEMS } from "./items";
import { MAX_ACTIVE_OWN_ITEMS, MAX_DAYS, MAX_EXTRA_ITEMS, MIN_DAYS } from "./policy";
import { refuseEscapingText } from "~/utils/free-text";
import { languages, type Language } from "~/i18n/languages";
import { messageText } from "~/i18n/messages";

export const COMMENT_LIMIT = 1000;
export const ACTION_LIMIT = 500;

const list = (value: unknown) =>
  value === undefined || value === null || value === ""
    ? []
    : Array.isArray(value)
      ? value
      : [value];

/**
 * The organisation's own items asked besides (their ids; the service checks each is offered and the
 * cap, extraItemsRefusal): a form that sends more than could ever be asked is refused here already.
 */
const ownItemIds = z.preprocess(
  list,
  z
    .array(z.string().max(100))
    .max(MAX_ACTIVE_OWN_ITEMS, {
      error: messageText({
        key: "teamHealth:errors.tooManyItems",
        values: { max: MAX_EXTRA_ITEMS },
      }),
    })
    .default([]),
);

export const StartSchema = z.object({
  teamIds: z.preprocess(
    list,
    z.array(z.string().max(100)).min(1, { error: "teamHealth:errors.noTeam" }),
  ),
  libraryItems: z.preprocess(list, z.array(z.enum(LIBRARY_ITEMS)).default([])),
  ownItems: ownItemIds,
  askComment: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
  days: z.coerce
    .number({ error: "teamHealth:errors.days" })
    .int({ error: "teamHealth:errors.days" })
    .min(MIN_DAYS, { error: "teamHealth:errors.days" })
    .max(MAX_DAYS, { error: "teamHealth:errors.days" }),
});
/** `ownItems` may be left out (none asked): callers that predate them (seeds, tests) need not say so. */
export type StartInput = Omit<z.output<typeof StartSchema>, "ownItems"> & { ownItems?: string[] };

/** An answer: each item's 1..7 from the form's `item.<key>` fields (a missing one is skipped). */
export function answerValues(form: FormData, items: readonly string[]): Record<string, number> {
  const values: Record<string, number> = {};
  for (const item of items) {
    const raw = form.get(`item.${item}`);
    if (raw === null || raw === "") continue;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= 1 && value <= 7) values[item] = value;
  }
  return values;
}

export const AnswerExtrasSchema = z.object({
  helped: z.enum(HELPED).optional(),
  comment: z
    .string()
    .superRefine(refuseEscapingText)
    .trim()
    .max(COMMENT_LIMIT, { error: "teamHealth:errors.tooLong" })
    .default(""),
});

export const ActionSchema = z.object({
  item: z.string({ error: "teamHealth:errors.item" }).max(100),
  text: z
    .string({ error: "teamHealth:errors.actionText" })
    .superRefine(refuseEscapingText)
    .trim()
    .min(1, { error: "teamHealth:errors.actionText" })
    .max(ACTION_LIMIT, { error: "teamHealth:errors.tooLong" }),
  ownerId: z.string({ error: "teamHealth:errors.owner" }).max(100),
  dueOn: Day,
});
export type ActionInput = z.output<typeof ActionSchema>;

/** A live check-in during a retro (decision 112): one team, the seven items and any from the library. */
export const LiveStartSchema = z.object({
  teamId: z.string({ error: "teamHealth:errors.noTeam" }).min(1).max(100),
  libraryItems: z.preprocess(list, z.array(z.enum(LIBRARY_ITEMS)).default([])),
  ownItems: ownItemIds,
});
export type LiveStartInput = Omit<z.output<typeof LiveStartSchema>, "ownItems"> & {
  ownItems?: string[];
};

/** A code typed to join a live check-in (checked against the alphabet by live.ts). */
export const JoinSchema = z.object({
  code: z
    .string({ error: "teamHealthLive:errors.code" })
    .trim()
    .min(1, { error: "teamHealthLive:errors.code" })
    .max(20, { error: "teamHealthLive:errors.code" }),
});

/** How long an own item's statement may be, in any language: one line on a phone, as the library's are. */
export const STATEMENT_LIMIT = 200;

const statement = z
  .string()
  .superRefine(refuseEscapingText)
  .trim()
  .max(STATEMENT_LIMIT, { error: "teamHealth:errors.own.tooLong" })
  .optional()
  .transform((value) => value || undefined);

/**
 * One of the organisation's own items (decision 123): the language it is written in, its statement
 * there (required) and in any of the other languages (optional), and whether it is worded negatively.
 */
export const OwnItemSchema = z
  .object({
    language: z.enum(languages as [Language, ...Language[]], {
      error: "teamHealth:errors.own.language",
    }),
    wording: z
      .object({ en: statement, de: statement, fr: statement, es: statement, ar: statement })
      .prefault({}),
    reversed: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
  })
  .superRefine((value, context) => {
    if (!value.wording[value.language])
      context.addIssue({
        code: "custom",
        path: ["wording", value.language],
        message: "teamHealth:errors.own.statement",
      });
  });
export type OwnItemInput = z.output<typeof OwnItemSchema>;
