// The stretch-work and sponsorship pages render on the server with their loaders' data, as people read them.
import { describe, expect, test } from "vitest";
import {
  chooseForOpportunity,
  expressInterest,
  postOpportunity,
} from "~/modules/opportunities/opportunities.server";
import { recordSponsorship } from "~/modules/sponsorship/sponsorship.server";
import * as listRoute from "~/routes/opportunities._index";
import * as newRoute from "~/routes/opportunities.new";
import * as pageRoute from "~/routes/opportunities.$opportunityId";
import * as sponsorshipsRoute from "~/routes/sponsorships";
import * as adminRoute from "~/routes/admin.stretch";
import { createPerson } from "../../utils/factories";
import { renderPage, type PageModule } from "../../utils/render-page";

const render = async (module: unknown, pattern: string, path: string, viewerId: string) =>
  text((await renderPage(module as PageModule, pattern, path, viewerId)).html);

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, " ");

describe("the stretch-work pages, rendered", () => {
  test("the list, posting, an opportunity as its poster and as the people interested, sponsorships and the admins' settings", async () => {
    const manager = await createPerson({ name: "Sam Manager", track: "manager", level: "m2" });
    const lena = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const omar = await createPerson({
      name: "Omar Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });
    const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
    const id = await postOpportunity(manager, {
      kind: "rotation",
      title: "Payments on-call rotation",
      description: "Six weeks on call.",
      ladderId: "engineering",
      competencyIds: ["operations"],
      minLevel: "ic2",
      hoursPerWeek: 8,
      startsOn: "2027-02-01",
      endsOn: "2027-03-15",
    });
    await expressInterest(lena, id, "I ran the last incident review.");
    await expressInterest(omar, id, "I want to learn our runbooks.");

    const list = await render(listRoute, "/opportunities", "/opportunities", lena.id);
    expect(list).toContain("Payments on-call rotation");
    expect(list).toContain(
      "Rotation · posted by Sam Manager · 8 hours a week · 1 Feb 2027 to 15 Mar 2027",
    );
    expect(list).toContain("For Engineer II and above");
    expect(list).toContain("Waiting for the poster's choice.");

    expect(
      await render(newRoute, "/opportunities/new", "/opportunities/new", manager.id),
    ).toContain("Competencies it exercises");

    const posterView = await render(
      pageRoute,
      "/opportunities/:opportunityId",
      `/opportunities/${id}`,
      manager.id,
    );
    expect(posterView).toContain("People who expressed interest");
    expect(posterView).toContain("I want to learn our runbooks.");
    expect(posterView).toContain("Choose someone");

    await chooseForOpportunity(manager, id, {
      personId: lena.id,
      criteriaIds: ["operations"],
      reason: "Lena already leads incident reviews.",
    });
    const notChosen = await render(
      pageRoute,
      "/opportunities/:opportunityId",
      `/opportunities/${id}`,
      omar.id,
    );
    expect(notChosen).toContain("You were not chosen this time. The poster's reason:");
    expect(notChosen).toContain("Decided on: Operational ownership");
    expect(notChosen).toContain("Lena already leads incident reviews.");
    expect(notChosen).not.toContain("I ran the last incident review.");
    const chosen = await render(
      pageRoute,
      "/opportunities/:opportunityId",
      `/opportunities/${id}`,
      lena.id,
    );
    expect(chosen).toContain("Chosen: Lena Engineer");
    expect(chosen).toContain("Evidence from this work");

    await recordSponsorship(manager, {
      sponseeEmail: lena.email,
      advocacy: "role",
      role: "Payments tech lead",
      note: "",
      until: "2027-06-30",
    });
    const sponsorships = await render(sponsorshipsRoute, "/sponsorships", "/sponsorships", lena.id);
    expect(sponsorships).toContain("Sam Manager sponsors Lena Engineer");
    expect(sponsorships).toContain("For the role Payments tech lead, until 30 Jun 2027");
    expect(await render(sponsorshipsRoute, "/sponsorships", "/sponsorships", manager.id)).toContain(
      "You sponsor (1 of 2 active)",
    );

    expect(await render(adminRoute, "/admin/stretch", "/admin/stretch", admin.id)).toContain(
      "Active sponsorships per sponsor",
    );
    // Sent as HTML (decision 157): a refusal comes back as a document with what was typed.
    const refused = async (fields: Record<string, string>) =>
      renderPage(
        adminRoute as unknown as PageModule,
        "/admin/stretch",
        "/admin/stretch",
        admin.id,
        new URLSearchParams(fields),
      );
    const unknown = await refused({ intent: "allow", email: "nobody@example.com" });
    expect(unknown.status).toBe(400);
    expect(unknown.html).toContain('value="nobody@example.com"');
    const tooMany = await refused({ intent: "cap", cap: "99" });
    expect(tooMany.status).toBe(400);
    expect(tooMany.html).toContain('value="99"');
  });
});
