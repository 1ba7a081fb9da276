import { db } from "../../app/db/client.server.ts";
import { opportunityPage } from "../../app/modules/opportunities/opportunities.server.ts";

/**
 * The demo's part of the access audit: the engineers of Checkout and Data Platform have opened the
 * open opportunities, as people would on the opportunities page, so the audit has people who saw
 * stretch work beside the one who applied. From the day after seeding the audit shows who saw and
 * applied across the organisation and most groups hidden: a demo organisation is small. Idempotent
 * (a view is recorded once per person).
 */
export async function seedDemoAccess(): Promise<void> {
  const [opportunities, people] = await Promise.all([
    db.opportunity.findMany({
      where: { status: "open" },
      select: { id: true, posterId: true },
      orderBy: { createdAt: "asc" },
    }),
    db.user.findMany({
      where: {
        deactivatedAt: null,
        track: "ic",
        team: { name: { in: ["Checkout", "Data Platform"] } },
      },
      select: { id: true, name: true, email: true, isAdmin: true, isHiringAdmin: true },
      orderBy: { email: "asc" },
    }),
  ]);
  for (const opportunity of opportunities)
    for (const person of people)
      if (person.id !== opportunity.posterId) await opportunityPage(person, opportunity.id);
}
