import { db } from "../../app/db/client.server.ts";
import { dateToDay } from "../../app/modules/days.ts";
import {
  addKeyResult,
  closePeriod,
  createObjective,
  createPeriod,
  reflect,
} from "../../app/modules/goals/goals.server.ts";
import { quarterOf } from "../../app/modules/goals/progress.ts";

export const DEMO_COMPANY_OBJECTIVE = "Customers check out without friction";

const emailOf = (name: string) => `${name.toLowerCase().replace(/ /g, ".")}@example.com`;
const DAY = 24 * 60 * 60 * 1000;

type Person = { id: string; name: string; email: string; isAdmin: boolean; isHiringAdmin: boolean };

/** Weekly check-ins from `from` to `to` moving from start towards `reach`, written with their days. */
async function weekly(
  keyResultId: string,
  author: Person,
  from: Date,
  to: Date,
  start: number,
  reach: number,
  notes: string[],
): Promise<void> {
  const weeks = Math.max(1, Math.min(10, Math.floor((to.getTime() - from.getTime()) / (7 * DAY))));
  for (let week = 1; week <= weeks; week++) {
    // In a quarter's first week the one check-in is today's, not next week's.
    const at = new Date(Math.min(to.getTime(), from.getTime() + week * 7 * DAY));
    const value = Math.round((start + ((reach - start) * week) / weeks) * 10) / 10;
    const confidence =
      week === weeks && reach < start + (reach - start) * 0.9 ? "atRisk" : "onTrack";
    await db.keyResultCheckIn.create({
      data: {
        keyResultId,
        value,
        confidence,
        note: notes[(week - 1) % notes.length] ?? "",
        authorId: author.id,
        at,
      },
    });
  }
}

/**
 * The demo's goals, through the goals module as people would: the quarter before this one, closed
 * with scores and a reflection; this quarter's tree, a company objective (Priya Raman), Checkout's
 * and Search's objectives supporting it (their managers), and Lena Fischer's own objective
 * supporting Checkout's, with weekly check-ins since the quarter began. Idempotent.
 */
export async function seedDemoGoals(now = new Date()): Promise<void> {
  if (
    await db.objective.findFirst({ where: { title: DEMO_COMPANY_OBJECTIVE }, select: { id: true } })
  )
    return;
  const names = ["Priya Raman", "Sam Okafor", "Lena Fischer", "Oliver Grant", "Ravi Iyer"];
  const people = await db.user.findMany({
    where: { email: { in: names.map(emailOf) } },
    select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
  });
  const byName = new Map(people.map((person) => [person.name, person]));
  const [priya, sam, lena, oliver, ravi] = names.map((name) => byName.get(name));
  const searchLead = await db.user.findFirst({
    where: { team: { name: "Search" }, track: "manager" },
    select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
  });
  const [checkout, search] = await Promise.all([
    db.team.findUnique({ where: { name: "Checkout" }, select: { id: true } }),
    db.team.findUnique({ where: { name: "Search" }, select: { id: true } }),
  ]);
  if (!priya || !sam || !lena || !oliver || !ravi || !searchLead || !checkout || !search) return;

  // The quarter before: closed, with scores and Sam's reflection.
  const current = quarterOf(now);
  const previous = quarterOf(new Date(current.startsOn.getTime() - DAY));
  const previousId = await createPeriod(priya, {
    name: previous.name,
    startsOn: dateToDay(previous.startsOn),
    endsOn: dateToDay(previous.endsOn),
  });
  const oldObjective = await createObjective(sam, {
    periodId: previousId,
    level: "team",
    teamId: checkout.id,
    title: "Payments fail less often",
    why: "Every failed payment is a customer we may not see again.",
    commitment: "committed",
    parentId: null,
  });
  const failed = await addKeyResult(sam, oldObjective, {
    title: "Failed payment rate",
    kind: "percent",
    unit: "%",
    direction: "decrease",
    startValue: 2.4,
    targetValue: 1,
    ownerEmail: ravi.email,
  });
  const retries = await addKeyResult(sam, oldObjective, {
    title: "Payments recovered by automatic retry",
    kind: "percent",
    unit: "%",
    direction: "increase",
    startValue: 10,
    targetValue: 40,
  });
  await weekly(failed.id, ravi, previous.startsOn, previous.endsOn, 2.4, 1.3, [
    "Card network timeouts dominate.",
    "Idempotency keys shipped; fewer duplicates.",
  ]);
  await weekly(retries.id, sam, previous.startsOn, previous.endsOn, 10, 40, [
    "Retry window tuned.",
  ]);
  await closePeriod(priya, previousId);
  await reflect(
    ravi,
    failed.id,
    "Timeouts at one card network kept the rate above target; the fix needs their side too.",
  );

  // This quarter's tree.
  const periodId = await createPeriod(priya, {
    name: current.name,
    startsOn: dateToDay(current.startsOn),
    endsOn: dateToDay(current.endsOn),
  });
  const company = await createObjective(priya, {
    periodId,
    level: "company",
    teamId: null,
    title: DEMO_COMPANY_OBJECTIVE,
    why: "Checkout is where our customers decide to stay; every second and every error there costs revenue.",
    commitment: "committed",
    parentId: null,
  });
  const conversion = await addKeyResult(priya, company, {
    title: "Checkout conversion",
    kind: "percent",
    unit: "%",
    direction: "increase",
    startValue: 61,
    targetValue: 68,
    ownerEmail: sam.email,
  });
  const nps = await addKeyResult(priya, company, {
    title: "Checkout satisfaction score",
    kind: "metric",
    unit: "points",
    direction: "increase",
    startValue: 32,
    targetValue: 45,
  });
  const team = await createObjective(sam, {
    periodId,
    level: "team",
    teamId: checkout.id,
    title: "Checkout pages are fast on every phone",
    why: "Slow pages on mid-range phones are where we lose the most customers.",
    commitment: "aspirational",
    parentId: company,
  });
  const latency = await addKeyResult(sam, team, {
    title: "p95 checkout page load on mid-range phones",
    kind: "metric",
    unit: "ms",
    direction: "decrease",
    startValue: 3200,
    targetValue: 1500,
    ownerEmail: oliver.email,
    contributorEmails: lena.email,
  });
  const errors = await addKeyResult(sam, team, {
    title: "Checkout sessions ending in an error",
    kind: "percent",
    unit: "%",
    direction: "decrease",
    startValue: 3.5,
    targetValue: 1.5,
  });
  const searchObjective = await createObjective(searchLead, {
    periodId,
    level: "team",
    teamId: search.id,
    title: "Shoppers find what they came for",
    why: "A search with no result is a checkout that never starts.",
    commitment: "committed",
    parentId: company,
  });
  const zero = await addKeyResult(searchLead, searchObjective, {
    title: "Searches with no result",
    kind: "percent",
    unit: "%",
    direction: "decrease",
    startValue: 12,
    targetValue: 6,
  });
  await addKeyResult(searchLead, searchObjective, {
    title: "Searches followed by an add to basket",
    kind: "percent",
    unit: "%",
    direction: "increase",
    startValue: 18,
    targetValue: 25,
  });
  const own = await createObjective(lena, {
    periodId,
    level: "person",
    teamId: null,
    title: "Make performance visible to the whole team",
    why: "We fix what we can see.",
    commitment: "aspirational",
    parentId: team,
  });
  const dashboards = await addKeyResult(lena, own, {
    title: "Checkout pages with a real-user performance budget",
    kind: "metric",
    unit: "pages",
    direction: "increase",
    startValue: 0,
    targetValue: 8,
  });
  await addKeyResult(lena, own, {
    title: "Performance budget alerts answered within a day",
    kind: "percent",
    unit: "%",
    direction: "increase",
    startValue: 0,
    targetValue: 90,
  });
  const since = new Date(Math.max(current.startsOn.getTime(), now.getTime() - 70 * DAY));
  await weekly(conversion.id, sam, since, now, 61, 64.5, ["Address autocomplete live."]);
  await weekly(nps.id, priya, since, now, 32, 38, ["Survey sample grew."]);
  await weekly(latency.id, oliver, since, now, 3200, 2300, [
    "Image sizes fixed.",
    "Third-party script deferred.",
  ]);
  await weekly(errors.id, sam, since, now, 3.5, 2.6, ["Validation errors now inline."]);
  await weekly(zero.id, searchLead, since, now, 12, 8.5, ["Synonyms added for top queries."]);
  // Lena's last check-in was over a week ago (or on the quarter's first day, when it began less
  // than that ago) and her other key result has none: her to-do list asks for check-ins.
  const lenasLast = new Date(Math.max(since.getTime(), now.getTime() - 8 * DAY));
  await weekly(dashboards.id, lena, since, lenasLast, 0, 3, ["Budgets on cart and payment pages."]);
}
