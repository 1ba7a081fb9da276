import { expect, test } from "./test";
import { expectAccessible, signIn } from "./helpers";

// The second server of playwright.config.ts: its ladder folder holds the engineering ladder and a product ladder.
test.use({ baseURL: `http://localhost:${Number(process.env.E2E_PORT ?? 3210) + 1}` });

// An Engineer II whom no other spec on this server uses, so her level is as the demo seeds it (Lena,
// the README's engineer, is demo.spec.ts' mentee there).
const engineer = { email: "emily.clarke@example.com", name: "Emily Clarke" };

test.beforeEach(async ({ page }) => {
  await signIn(page, engineer.email);
});

test("two job families side by side, and a branching path browsed from its picture to its levels", async ({
  page,
}) => {
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Ladders" })
    .click();
  await expect(page.getByRole("link", { name: "Engineering", exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Product", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Product ladder", level: 1 })).toBeVisible();

  // The paths: the management lead path splits off after Product Manager; the picture says so in words too.
  const paths = page.getByRole("figure", { name: "Paths through the ladder" });
  await expect(paths).toContainText(
    "Product management lead branches from Product manager after Product Manager: the levels up to it are shared.",
  );
  await expect(
    paths.getByRole("link", { name: "Senior Product Manager also Product Lead" }),
  ).toBeVisible();
  // An engineer's own level is not marked on another job family's ladder, even where a level id is the same.
  await expect(paths.getByText("Your level")).toHaveCount(0);
  await expectAccessible(page);

  await paths.getByRole("link", { name: "Group Product Manager also Head of Product" }).click();
  await expect(
    page.getByRole("heading", { name: "Group Product Manager", level: 1 }),
  ).toBeVisible();
  await expect(page.getByText("Also titled Head of Product")).toBeVisible();
  // Below the branch's first level is the level it splits off, not a copy of it.
  await expect(page.getByText("Previous:")).toContainText("Product Manager");
  await page.getByText("Track:").getByRole("link", { name: "Product management lead" }).click();
  await expect(
    page.getByText(
      "This path branches from Product manager after Product Manager: Associate Product Manager and Product Manager are shared",
    ),
  ).toBeVisible();
  const branchMatrix = page.getByRole("table", { name: /Product management lead: expectations/ });
  await expect(
    branchMatrix.getByRole("columnheader", { name: "Group Product Manager also Head of Product" }),
  ).toBeVisible();
  // The shared levels are not copied into the branch.
  await expect(branchMatrix.getByRole("columnheader", { name: /Product Manager$/ })).toHaveCount(0);
  await page
    .getByText("This path branches from")
    .getByRole("link", { name: "Product manager", exact: true })
    .click();
  await page
    .getByRole("table", { name: /Product manager: expectations/ })
    .getByRole("link", { name: "Product Manager", exact: true })
    .click();
  await expect(page.getByText("Other paths from here:")).toContainText(
    "Group Product Manager (Product management lead)",
  );

  // Back in the engineer's own family, the picture marks where they are.
  await page.goto("/ladders/engineering");
  const engineering = page.getByRole("figure", { name: "Paths through the ladder" });
  await expect(engineering.getByRole("link", { name: "Engineer II Your level" })).toHaveAttribute(
    "aria-current",
    "location",
  );
  await expect(engineering).toContainText(
    "Engineering manager branches from Individual contributor after Engineer II",
  );
  await expectAccessible(page);
});

test("a level with inherited topics and sub-levels says where each topic comes from and lists the sub-levels", async ({
  page,
}) => {
  await page.goto("/ladders/acme-backend/levels/b2");
  await expect(
    page.getByRole("heading", { name: "Senior Backend Engineer", level: 1 }),
  ).toBeVisible();
  const sublevels = page
    .getByRole("heading", { name: "Sub-levels" })
    .locator("..")
    .getByRole("listitem");
  await expect(sublevels).toHaveText([
    "A: New to the level; owns a service with support.",
    "B",
    "C: Owns a service alone and is starting to shape others.",
  ]);
  const communication = page.getByRole("region", { name: /Communication/ });
  await expect(communication.getByRole("heading", { name: /Communication/ })).toContainText(
    "from Generic",
  );
  await expect(
    communication
      .getByRole("listitem")
      .filter({ hasText: "Writes updates and proposals that others act on." }),
  ).toContainText("from Generic");
  await expect(
    communication.getByRole("listitem").filter({ hasText: "Runs the service's incident reviews." }),
  ).not.toContainText("from Generic");
  await expectAccessible(page);
});
