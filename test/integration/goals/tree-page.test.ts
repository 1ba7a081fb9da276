// The goal tree as the page draws it: each objective under the one it supports, once.
import { expect, test } from "vitest";
import { db } from "~/db/client.server";
import { createObjective } from "~/modules/goals/goals.server";
import * as treeRoute from "~/routes/goals._index";
import { createPerson } from "../../utils/factories";
import { quarterPeriod } from "./fixtures";
import { renderPage, type PageModule } from "../../utils/render-page";

test("the tree draws a supporting objective inside the one it supports, and one that supports nothing at the top", async () => {
  const teamId = (await db.team.create({ data: { name: "Tree 5c1e" } })).id;
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const manager = await createPerson({ name: "Sam Manager", teamId });
  const lena = await createPerson({ name: "Lena Engineer", managerId: manager.id, teamId });
  const periodId = await quarterPeriod(admin);
  const objective = (owner: typeof lena, title: string, parentId: string | null) =>
    createObjective(owner, {
      periodId,
      level: parentId === null && owner === manager ? "team" : "person",
      teamId: parentId === null && owner === manager ? teamId : null,
      title,
      why: "",
      commitment: "committed",
      parentId,
    });
  const top = await objective(manager, "Tree top 5c1e", null);
  await objective(lena, "Tree first support 5c1e", top);
  await objective(lena, "Tree second support 5c1e", top);
  await objective(lena, "Tree alone 5c1e", null);

  const { html } = await renderPage(
    treeRoute as unknown as PageModule,
    "/goals",
    "/goals",
    lena.id,
  );
  // Each objective's own list item, as the page nests them: its depth shows in its indent.
  const items = [
    ...html.matchAll(/<li class="([^"]*)">\s*<div[^>]*>\s*<a[^>]*>(Tree [^<]*)</g),
  ].map(([, indent, title]) => [title, indent!.includes("ms-6") ? "under" : "top"]);
  expect(items).toEqual(
    expect.arrayContaining([
      ["Tree top 5c1e", "top"],
      ["Tree first support 5c1e", "under"],
      ["Tree second support 5c1e", "under"],
      ["Tree alone 5c1e", "top"],
    ]),
  );
  expect(items).toHaveLength(4);
});
