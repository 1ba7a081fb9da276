import { z } from "zod";
import { db, Prisma } from "~/db/client.server";
import { readRows } from "~/db/reads.server";
import { parseRows, sqlBool } from "~/db/rows";
import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
import { chunks } from "~/utils/chunks";
import { memoForRequest } from "~/utils/request-memo.server";
import { keptCountHolds, keptCountStands, type KeptTodoCount } from "./kept-count";
import { keepTodoCount } from "./kept-count.server";
import {
  todoItems,
  type ChangeWindow,
  type TodoChanges,
  type TodoFacts,
  type TodoItem,
} from "./todo";
import * as clock from "~/platform/clock.server";

export type TodoViewer = { id: string; isAdmin: boolean };

/**
 * A workflow's part of the to-do list: its facts about one person, and whose lists its writes in a
 * window may have changed. Workflows register theirs (app/modules/workflows.server.ts), so the
 * list knows every workflow's facts (todo.ts) without importing any workflow.
 */
export type TodoProvider = {
  /** `language`: the reader's (a page's, or an email's recipient's), for the ladder texts a to-do names. */
  facts(viewer: TodoViewer, now: Date, language: PageLanguage): Promise<Partial<TodoFacts>>;
  changes(window: ChangeWindow): Promise<TodoChanges>;
  /**
   * The read `facts` starts from, for a workflow whose facts are all found from its rows: when it
   * finds none, `facts` would find nothing. The list asks every workflow's at once, in one statement
   * (a statement's fixed cost is most of what a page costs PostgreSQL, decision 174), and asks
   * `facts` only of those that found a row. Without one, `facts` is always asked.
   */
  probe?(viewer: TodoViewer, now: Date): Prisma.Sql;
};

const providers = new Map<string, TodoProvider>();

/** Adds a workflow's provider (a second registration under its name replaces the first, as when a module is loaded again in development). */
export function registerTodoProvider(workflow: string, provider: TodoProvider): void {
  providers.set(workflow, provider);
}

/** The workflows whose providers are registered, in the order they were. */
export function todoProviderNames(): string[] {
  return [...providers.keys()];
}

// A list gathered before any workflow registered would be silently empty: refuse it instead.
function registeredProviders(): TodoProvider[] {
  if (providers.size === 0)
    throw new Error(
      "No to-do providers are registered: the entry point must import ~/modules/workflows.server.",
    );
  return [...providers.values()];
}

const NO_REVIEW_FACTS: Pick<TodoFacts, "ownCycles" | "reportsToReview" | "cyclesToClose"> = {
  ownCycles: [],
  reportsToReview: [],
  cyclesToClose: [],
};

/**
 * What the person must do next (todo.ts), from each registered workflow's provider: one statement
 * for every provider's probe, then the facts of those whose probe found a row and of those without
 * one. Most people have something from few workflows, so most providers end at the probe.
 */
export async function todoFor(
  viewer: TodoViewer,
  now = clock.now(),
  language: PageLanguage = SOURCE_LANGUAGE,
): Promise<TodoItem[]> {
  const asked = await providersWithFacts(registeredProviders(), viewer, now);
  const parts = await Promise.all(asked.map((provider) => provider.facts(viewer, now, language)));
  const facts: TodoFacts = Object.assign({ ...NO_REVIEW_FACTS }, ...parts);
  return todoItems(facts, now);
}

const probeRow = z.record(z.string(), sqlBool);

/** The providers that may have facts for the person: those without a probe, and those whose probe found a row (one statement for every probe). */
async function providersWithFacts(
  all: TodoProvider[],
  viewer: TodoViewer,
  now: Date,
): Promise<TodoProvider[]> {
  const probed = all.filter((provider) => provider.probe);
  if (!probed.length) return all;
  const [found] = parseRows(
    probeRow,
    await readRows`SELECT ${Prisma.join(
      probed.map(
        (provider, index) =>
          Prisma.sql`EXISTS (${provider.probe!(viewer, now)}) AS ${Prisma.raw(`"p${index}"`)}`,
      ),
    )}`,
  );
  return all.filter((provider) => !provider.probe || found![`p${probed.indexOf(provider)}`]);
}

/**
 * Whose to-do lists may have changed in the window (ChangeWindow), from each provider's own answer
 * beside its query, and a person written (their level, manager, admin role, time zone or leaving),
 * who and whose manager are named: "everyone" when a provider says so. A handful of indexed
 * statements, however many people there are; what they name is what changed.
 */
export async function todoChangesIn(window: ChangeWindow): Promise<Set<string> | "everyone"> {
  const answers: TodoChanges[] = await Promise.all([
    ...registeredProviders().map((provider) => provider.changes(window)),
    db.user
      .findMany({ where: { updatedAt: { gte: window.writtenSince } }, select: { id: true } })
      .then((rows) => ({
        people: rows.map((row) => row.id),
        managersOf: rows.map((row) => row.id),
      })),
  ]);
  if (answers.some((answer) => answer.everyone)) return "everyone";
  const people = new Set(answers.flatMap((answer) => answer.people));
  for (const ids of chunks(
    [...new Set(answers.flatMap((answer) => answer.managersOf ?? []))],
    5000,
  )) {
    for (const row of await db.user.findMany({
      where: { id: { in: ids }, managerId: { not: null } },
      select: { managerId: true },
    }))
      people.add(row.managerId!);
  }
  if (answers.some((answer) => answer.admins))
    for (const row of await db.user.findMany({
      where: { isAdmin: true, deactivatedAt: null },
      select: { id: true },
    }))
      people.add(row.id);
  return people;
}

type Counted = { viewer: TodoViewer; todoCount: KeptTodoCount };

/**
 * The person's to-do list for this request, worked out once however many loaders ask (the home
 * page's list and the navigation's figure), with the kept count brought up to date when it differs.
 */
export function todoOf(
  signedIn: Counted,
  now = clock.now(),
  language?: PageLanguage,
): Promise<TodoItem[]> {
  return memoForRequest(`todo:${signedIn.viewer.id}`, async () => {
    const items = await todoFor(signedIn.viewer, now, language);
    if (!keptCountHolds(signedIn.todoCount, items.length, now))
      await keepTodoCount(signedIn.viewer.id, items.length, now);
    return items;
  });
}

/** The navigation's figure: the kept count while it stands (no statement at all), else the list's length, counted again and kept. */
export async function openTodoCount(
  signedIn: Counted,
  now = clock.now(),
  language?: PageLanguage,
): Promise<number> {
  if (keptCountStands(signedIn.todoCount, now)) return signedIn.todoCount.open;
  return (await todoOf(signedIn, now, language)).length;
}
