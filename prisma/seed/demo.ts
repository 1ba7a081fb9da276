import { hashPassword } from "../../app/modules/identity/passwords/password.server.ts";
import { importPeople } from "../../app/modules/people/import.server.ts";
import { db } from "../../app/db/client.server.ts";
import { servedLadders } from "../../app/modules/ladders/registry.server.ts";
import { DEMO_LADDER_ID, DEMO_PASSWORD, demoOrganisation, toCsv } from "./demo-organisation.ts";
import { seedDemoCalibration } from "./demo-calibration.ts";
import { seedDemoMentorship } from "./demo-mentorship.ts";
import { seedDemoHiring } from "./demo-hiring.ts";
import { seedDemoPanels } from "./demo-panels.ts";
import { seedDemoLevelHistory } from "./demo-level-history.ts";
import { seedDemoApi } from "./demo-api.ts";
import { seedDemoOpportunities } from "./demo-opportunities.ts";
import { seedDemoRetention } from "./demo-retention.ts";
import { seedDemoPromotions } from "./demo-promotions.ts";
import { seedDemoPromotionCommittees } from "./demo-promotion-committee.ts";
import { seedDemoAccess } from "./demo-access.ts";
import { seedDemoGoals } from "./demo-goals.ts";
import { seedDemoTeamHealth } from "./demo-team-health.ts";
import { seedDemoTeamHealthLive } from "./demo-team-health-live.ts";

/**
 * Loads the demo organisation. Idempotent: people already present are left as
 * they are (the import plans no changes), missing passwords and roles are added.
 */
export async function seedDemo(): Promise<{ people: number }> {
  const people = demoOrganisation();
  const result = await importPeople(toCsv(people), { actorId: null, dryRun: false });
  if (!result.ok) {
    throw new Error(
      `The demo organisation did not import:\n${result.errors.map((e) => `line ${e.line} ${e.field}: ${e.message}`).join("\n")}`,
    );
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  const emails = people.map((p) => p.email);
  await db.$transaction(async (tx) => {
    const users = await tx.user.findMany({
      where: { email: { in: emails } },
      select: { id: true, email: true, password: { select: { userId: true } } },
    });
    const withoutPassword = users.filter((u) => !u.password);
    if (withoutPassword.length)
      await tx.password.createMany({ data: withoutPassword.map((u) => ({ userId: u.id, hash })) });
    const admins = people.filter((p) => p.roles?.includes("admin")).map((p) => p.email);
    const hiringAdmins = people.filter((p) => p.roles?.includes("hiringAdmin")).map((p) => p.email);
    await tx.user.updateMany({ where: { email: { in: admins } }, data: { isAdmin: true } });
    await tx.user.updateMany({
      where: { email: { in: hiringAdmins } },
      data: { isHiringAdmin: true },
    });
  });
  await seedDemoCalibration();
  await seedDemoMentorship();
  await seedDemoHiring();
  await seedDemoPanels();
  await seedDemoLevelHistory();
  await seedDemoApi();
  await seedDemoOpportunities();
  await seedDemoRetention();
  await seedDemoPromotions();
  await seedDemoPromotionCommittees();
  await seedDemoAccess();
  await seedDemoGoals();
  await seedDemoTeamHealth();
  await seedDemoTeamHealthLive();
  return { people: people.length };
}

/** On the first start of an empty database, load the demo organisation. */
export async function seedDemoIfEmpty(): Promise<void> {
  if ((await db.user.count()) > 0) return;
  // A company starting with only its own ladders gets a server that runs, not an import error per demo person.
  const served = (await servedLadders()).some((entry) => entry.ladder.meta.id === DEMO_LADDER_ID);
  if (!served) {
    console.log(
      `Demo organisation skipped: it needs the "${DEMO_LADDER_ID}" ladder, which the ladder folder does not hold (SEED_DEMO=false stops this line).`,
    );
    return;
  }
  const { people } = await seedDemo();
  console.log(
    `Loaded the demo organisation (${people} people). Sign in as priya.raman@example.com with password ${DEMO_PASSWORD}.`,
  );
}
