import { expect, test, type Browser } from "./test";
import { expectAccessible, people, signIn } from "./helpers";

async function as(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("the access audit: admins over the organisation, a manager over their people, an engineer not at all", async ({
  browser,
}) => {
  const priya = await as(browser, people.admin.email);
  await priya.getByRole("link", { name: "Fair access" }).click();
  await expect(
    priya.getByRole("heading", {
      name: "Who gets stretch work, sponsorship, a seat on interview panels and the key results that matter",
      level: 1,
    }),
  ).toBeVisible();
  await expect(priya.getByText("Across the whole organisation.")).toBeVisible();
  await expect(priya.getByRole("heading", { name: "Stretch assignments", level: 2 })).toBeVisible();
  await expect(priya.getByRole("heading", { name: "Sponsorship", level: 2 })).toBeVisible();
  await expect(priya.getByRole("heading", { name: "Interview panels", level: 2 })).toBeVisible();
  await expect(
    priya.getByRole("heading", { name: "Interviewer training", level: 2 }),
  ).toBeVisible();
  // The demo is small: the page says why figures are hidden.
  await expect(
    priya.getByText(/Some figures are not shown\. A group of fewer than 4 people/),
  ).toBeVisible();
  await expectAccessible(priya);

  const sam = await as(browser, people.manager.email);
  await sam.goto("/access-audit");
  await expect(
    sam.getByText("Across your organisation: everyone under you in the reporting line."),
  ).toBeVisible();

  const lena = await as(browser, people.engineer.email);
  const answer = await lena.goto("/access-audit");
  expect(answer?.status()).toBe(404);
  await expect(lena.getByRole("link", { name: "Fair access" })).toHaveCount(0);
});
