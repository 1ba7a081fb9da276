// Key results that matter in the audit of fair access (issue 82, point 7; decision 111), on a generated
// population (scripts/audit-fixtures.py writes it with scipy's figures for it): each person who holds
// one owns or contributes to a key result of a company objective or of a committed objective in the
// current period; the others own key results of aspirational team objectives, or are named on a
// company key result of the next period, neither of which counts. The page's figures (rates and
// Wilson's intervals, each group against the highest with Katz's interval and Fisher's test, Holm
// over the audit, the four-fifths flag) equal scipy's, every group shown exactly.
import { readFileSync } from "node:fs";
import { beforeAll, expect, test } from "vitest";
import { db } from "~/db/client.server";
import * as auditRoute from "~/routes/access-audit";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

type View = Awaited<ReturnType<typeof auditRoute.loader>>;
type Rate = { n: number; successes: number; estimate: number; lower: number; upper: number };
type Impact = {
  reference: string;
  estimate: number;
  lower: number;
  upper: number;
  pValue: number;
  adjustedP: number;
  flagged: boolean;
};
const fixture = JSON.parse(
  readFileSync(
    new URL("../../fixtures/access-audit-key-results-scipy.json", import.meta.url),
    "utf8",
  ),
) as {
  people: { team: string; level: string; location: string; holds: boolean }[];
  total: Rate;
  dimensions: {
    id: string;
    groups: (Rate & { value: string; highest: boolean; impact: Impact | null })[];
  }[];
  comparisons: number;
};

const DAY = 24 * 60 * 60 * 1000;
const today = Math.floor(Date.now() / DAY) * DAY;
const daysAgo = (days: number) => new Date(today - days * DAY + 9 * 60 * 60 * 1000);
const midnight = (days: number) => new Date(today - days * DAY);

let adminId = "";

beforeAll(async () => {
  const teams = new Map<string, string>();
  for (const name of new Set(fixture.people.map((person) => person.team)))
    teams.set(name, (await db.team.create({ data: { name }, select: { id: true } })).id);
  const ids: string[] = [];
  for (const [index, generated] of fixture.people.entries()) {
    const data = {
      name: `${generated.team} engineer ${index}`,
      track: "ic",
      level: generated.level,
      teamId: teams.get(generated.team)!,
      attributes: JSON.stringify({ location: generated.location }),
    };
    // The reader is one of the generated people: nobody sits in a group of their own.
    const person = index === 0 ? await createAdmin(data) : await createPerson(data);
    ids.push(person.id);
  }
  adminId = ids[0]!;
  await db.user.updateMany({ data: { createdAt: daysAgo(40) } });

  const period = await db.goalPeriod.create({
    data: { name: "This quarter", startsOn: midnight(30), endsOn: midnight(-60) },
    select: { id: true },
  });
  const next = await db.goalPeriod.create({
    data: { name: "Next quarter", startsOn: midnight(-61), endsOn: midnight(-150) },
    select: { id: true },
  });
  const objective = async (
    periodId: string,
    level: "company" | "team" | "person",
    commitment: "committed" | "aspirational",
    ownerId: string,
  ) =>
    (
      await db.objective.create({
        data: {
          periodId,
          level,
          commitment,
          ownerId,
          createdById: adminId,
          title: `${level} ${commitment}`,
          teamId: level === "team" ? [...teams.values()][0]! : null,
        },
        select: { id: true },
      })
    ).id;
  const keyResult = (objectiveId: string, ownerId: string, contributorIds: readonly string[]) =>
    db.keyResult.create({
      data: {
        objectiveId,
        title: "Lead time under a day",
        kind: "metric",
        unit: "h",
        direction: "decrease",
        startValue: 48,
        targetValue: 24,
        ownerId,
        createdAt: daysAgo(20),
        contributors: { create: contributorIds.map((personId) => ({ personId })) },
      },
    });

  const company = await objective(period.id, "company", "aspirational", adminId);
  const committedTeam = await objective(period.id, "team", "committed", adminId);
  const aspirationalTeam = await objective(period.id, "team", "aspirational", adminId);
  const nextCompany = await objective(next.id, "company", "committed", adminId);
  const holders = ids.filter((_, index) => fixture.people[index]!.holds);
  const others = ids.filter((_, index) => !fixture.people[index]!.holds);
  // A third of the holders own a company key result, a third contribute to a committed team one, a third own a key result of their own committed objective.
  for (const [index, personId] of holders.entries()) {
    if (index % 3 === 0) await keyResult(company, personId, []);
    else if (index % 3 === 2)
      await keyResult(await objective(period.id, "person", "committed", personId), personId, []);
  }
  await keyResult(
    committedTeam,
    holders[0]!,
    holders.filter((_, index) => index % 3 === 1),
  );
  // The others: half own an aspirational team key result, half are named on a company key result of the next period.
  for (const [index, personId] of others.entries())
    if (index % 2 === 0) await keyResult(aspirationalTeam, personId, []);
  await keyResult(
    nextCompany,
    others[1]!,
    others.filter((_, index) => index % 2 === 1),
  );
});

/** Equal within 1e-9 relative, as the audit's own comparison with scipy reads them. */
const close = (ours: number, theirs: number) =>
  Math.abs(ours - theirs) <= 1e-9 * Math.max(Math.abs(ours), Math.abs(theirs));

test("the funnel of key results that matter equals scipy's figures, every group shown exactly", async () => {
  const view = bodyOf<View>(
    await auditRoute.loader(routeArgs(await signedInRequest("/access-audit", adminId))),
  );
  const entry = view.audits.find((audit) => audit.id === "keyResults")!;
  expect(entry.steps).toEqual([{ from: "eligible", to: "keyResults" }]);
  const { audit } = entry;
  expect(audit.comparisons).toBe(fixture.comparisons);

  const mismatches: string[] = [];
  const compare = (where: string, ours: number | undefined, theirs: number) => {
    if (ours === undefined || !close(ours, theirs))
      mismatches.push(`${where}: ${ours} ≠ ${theirs}`);
  };
  const total = audit.total.steps![0]!;
  expect([total.n, total.successes]).toEqual([fixture.total.n, fixture.total.successes]);
  compare("total estimate", total.rate?.estimate, fixture.total.estimate);
  compare("total lower", total.rate?.interval[0], fixture.total.lower);
  compare("total upper", total.rate?.interval[1], fixture.total.upper);

  for (const dimension of fixture.dimensions) {
    const ours = audit.dimensions.find((entry) => entry.id === dimension.id)!;
    expect(ours.smallGroupsLeftOut).toBe(false);
    expect(ours.groups.map((group) => [group.value, group.shown])).toEqual(
      dimension.groups.map((group) => [group.value, true]),
    );
    for (const group of dimension.groups) {
      const step = ours.groups.find((entry) => entry.value === group.value)!.steps![0]!;
      const where = `${dimension.id} ${group.value}`;
      expect([where, step.n, step.successes, step.highest]).toEqual([
        where,
        group.n,
        group.successes,
        group.highest,
      ]);
      compare(`${where} estimate`, step.rate?.estimate, group.estimate);
      compare(`${where} lower`, step.rate?.interval[0], group.lower);
      compare(`${where} upper`, step.rate?.interval[1], group.upper);
      if (!group.impact) {
        expect([where, step.impact]).toEqual([where, null]);
        continue;
      }
      const impact = step.impact!;
      expect([where, impact.reference, impact.flagged]).toEqual([
        where,
        group.impact.reference,
        group.impact.flagged,
      ]);
      compare(`${where} ratio`, impact.ratio?.estimate, group.impact.estimate);
      compare(`${where} ratio lower`, impact.ratio?.interval[0], group.impact.lower);
      compare(`${where} ratio upper`, impact.ratio?.interval[1], group.impact.upper);
      compare(`${where} p`, impact.pValue, group.impact.pValue);
      compare(`${where} adjusted p`, impact.adjustedP, group.impact.adjustedP);
    }
  }
  expect(mismatches).toEqual([]);
  // The generated teams differ enough for one to be flagged: the rule is exercised, not only its absence.
  expect(
    fixture.dimensions.some((dimension) => dimension.groups.some((g) => g.impact?.flagged)),
  ).toBe(true);
});

test("the page's data carries no goal's title, value or owner: only the groups' figures", async () => {
  const response = await auditRoute.loader(
    routeArgs(await signedInRequest("/access-audit", adminId)),
  );
  const text = JSON.stringify(bodyOf<View>(response));
  expect(text).not.toContain("Lead time");
  expect(text).not.toContain("This quarter");
  const anyone = await db.user.findFirstOrThrow({ where: { id: { not: adminId } } });
  expect(text).not.toContain(anyone.id);
  expect(text).not.toContain(anyone.name);
});

test("a key result written after the audit was read and kept counts when it is read again", async () => {
  const read = async () =>
    bodyOf<View>(
      await auditRoute.loader(routeArgs(await signedInRequest("/access-audit", adminId))),
    ).audits.find((audit) => audit.id === "keyResults")!.audit.total.steps![0]!.successes;
  expect(await read()).toBe(fixture.total.successes);
  const index = fixture.people.findIndex((person) => !person.holds);
  const newcomer = await db.user.findFirstOrThrow({
    where: { name: { endsWith: ` engineer ${index}` } },
    select: { id: true },
  });
  const committed = await db.objective.findFirstOrThrow({
    where: { level: "team", commitment: "committed" },
    select: { id: true },
  });
  // Started weeks ago, as an import of a quarter's goals writes it: it counts in the days already audited.
  await db.keyResult.create({
    data: {
      objectiveId: committed.id,
      title: "Change failure rate under 5%",
      kind: "percent",
      direction: "decrease",
      startValue: 12,
      targetValue: 5,
      ownerId: newcomer.id,
      createdAt: daysAgo(20),
    },
  });
  expect(await read()).toBe(fixture.total.successes + 1);
});
