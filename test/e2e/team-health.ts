import { expect, type Browser, type Page } from "./test";
import { signIn } from "./helpers";

/** What the team health specs share (team-health.spec.ts, team-health-live.spec.ts). */
export const phone = { width: 390, height: 844 };

/** Edmondson's seven items as the answer page words them, in its order. */
export const items = [
  "If you make a mistake on this team, it is often held against you.",
  "Members of this team are able to bring up problems and tough issues.",
  "People on this team sometimes reject others for being different.",
  "It is safe to take a risk on this team.",
  "It is difficult to ask other members of this team for help.",
  "No one on this team would deliberately act in a way that undermines my efforts.",
  "Working with members of this team, my unique skills and talents are valued and utilized.",
];

const scale = [
  "Strongly disagree",
  "Disagree",
  "Somewhat disagree",
  "Neither agree nor disagree",
  "Somewhat agree",
  "Agree",
  "Strongly agree",
];

/** A page signed in as `email` in its own context, phone-sized, with or without JavaScript. */
export async function onPhone(
  browser: Browser,
  email: string,
  javaScriptEnabled = true,
): Promise<Page> {
  const page = await (await browser.newContext({ viewport: phone, javaScriptEnabled })).newPage();
  await signIn(page, email);
  return page;
}

/**
 * On the answer page: each item but those in `skip` answered with the point `pointOf` gives it
 * (0 for "Strongly disagree" to 6 for "Strongly agree"), then sent.
 */
export async function answerItems(
  page: Page,
  pointOf: (index: number) => number,
  skip: readonly number[] = [],
) {
  for (const [index, item] of items.entries()) {
    if (skip.includes(index)) continue;
    await page
      .getByRole("group", { name: `${index + 1}. ${item}` })
      .getByRole("radio", { name: scale[pointOf(index)], exact: true })
      .check();
  }
  await page.getByRole("button", { name: "Send my answers" }).click();
  await expect(page.getByText("you answered")).toBeVisible();
}
