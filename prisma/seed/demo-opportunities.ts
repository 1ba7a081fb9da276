import { db } from "../../app/db/client.server.ts";
import { dateToDay } from "../../app/modules/days.ts";
import {
  expressInterest,
  postOpportunity,
} from "../../app/modules/opportunities/opportunities.server.ts";
import { recordSponsorship } from "../../app/modules/sponsorship/sponsorship.server.ts";

export const DEMO_OPPORTUNITY_TITLE = "Rebuild the Checkout test harness";

const emailOf = (name: string) => `${name.toLowerCase().replace(/ /g, ".")}@example.com`;

/**
 * The demo's stretch work and sponsorship, through the modules as people would: Sam Okafor (Checkout's
 * manager) posts a project and a rotation, Ines Duarte (a principal engineer an admin allowed to
 * post) a gig; Lena Fischer has expressed interest in the project, so Sam has a choice to make;
 * Ines sponsors Ravi Iyer for the next level until half a year from now. Idempotent.
 */
export async function seedDemoOpportunities(now = new Date()): Promise<void> {
  if (
    await db.opportunity.findFirst({
      where: { title: DEMO_OPPORTUNITY_TITLE },
      select: { id: true },
    })
  )
    return;
  const names = ["Sam Okafor", "Ines Duarte", "Lena Fischer", "Ravi Iyer"];
  const people = await db.user.findMany({
    where: { email: { in: names.map(emailOf) } },
    select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
  });
  const byName = new Map(people.map((person) => [person.name, person]));
  const [sam, ines, lena, ravi] = names.map((name) => byName.get(name));
  if (!sam || !ines || !lena || !ravi) return;
  const day = (days: number) => dateToDay(new Date(now.getTime() + days * 24 * 60 * 60 * 1000));
  await db.opportunityPoster.upsert({
    where: { personId: ines.id },
    create: { personId: ines.id },
    update: {},
  });
  const project = await postOpportunity(sam, {
    kind: "project",
    title: DEMO_OPPORTUNITY_TITLE,
    description:
      "Replace the flaky end-to-end suite with contract tests and deterministic fakes, and teach the team to keep it green.",
    ladderId: "engineering",
    competencyIds: ["testing", "code-quality"],
    minLevel: "ic1",
    maxLevel: "ic3",
    hoursPerWeek: 6,
    startsOn: day(21),
    endsOn: day(21 + 84),
  });
  await postOpportunity(sam, {
    kind: "rotation",
    title: "Six weeks on the Infrastructure on-call rotation",
    description:
      "Shadow, then take, Infrastructure's on-call, and write the runbooks you wished you had.",
    ladderId: "engineering",
    competencyIds: ["operations", "security"],
    minLevel: "ic2",
    maxLevel: "ic4",
    hoursPerWeek: 10,
    startsOn: day(35),
    endsOn: day(35 + 42),
  });
  await postOpportunity(ines, {
    kind: "gig",
    title: "Review the payments architecture proposal",
    description:
      "Read the proposal, run one design review with its authors and write up the decision record.",
    ladderId: "engineering",
    competencyIds: ["system-design", "technical-judgement", "written-communication"],
    minLevel: "ic3",
    hoursPerWeek: 3,
    startsOn: day(14),
    endsOn: day(14 + 28),
  });
  await expressInterest(
    lena,
    project,
    "I have been fixing the flaky tests by hand for a quarter and would like to fix them for good.",
  );
  await recordSponsorship(ines, {
    sponseeEmail: ravi.email,
    advocacy: "level",
    levelId: "ic5",
    note: "Ravi already leads the checkout re-architecture; I will make the case at the next promotion round.",
    until: day(182),
  });
}
