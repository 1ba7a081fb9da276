import { describe, expect, test } from "vitest";
import { hashPassword } from "~/modules/identity/passwords/password.server";
import { action as loginAction } from "~/routes/login";
import { action as themeAction } from "~/routes/theme";
import { db } from "~/db/client.server";
import { getTheme } from "~/utils/theme.server";
import { createPerson } from "../../utils/factories";
import { routeArgs } from "../../utils/responses";

const PASSWORD = "correct horse battery";

/** The sign-in form as a browser posts it, with the page's `redirectTo` copied from its query string. */
async function signIn(redirectTo: string) {
  const person = await createPerson();
  await db.password.create({ data: { userId: person.id, hash: await hashPassword(PASSWORD) } });
  const body = new URLSearchParams({ email: person.email, password: PASSWORD, redirectTo });
  return (await loginAction(
    routeArgs(new Request("http://localhost/login", { method: "POST", body })),
  )) as Response;
}

async function switchTheme(redirectTo: string) {
  const body = new URLSearchParams({ theme: "dark", redirectTo });
  return (await themeAction(
    routeArgs(new Request("http://localhost/theme", { method: "POST", body })),
  )) as Response;
}

/** `redirectTo` as the sign-in page reads it from its own address. */
const fromQuery = (query: string) => new URLSearchParams(query).get("redirectTo")!;

describe("after signing in", () => {
  test("the page asked for is where the person lands", async () => {
    const response = await signIn("/admin/people?team=t1&page=2");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/people?team=t1&page=2");
  });

  test("a tab between the slashes (browsers drop it, leaving //evil.example) goes home instead", async () => {
    const response = await signIn(fromQuery("redirectTo=%2F%09%2Fevil.example%2Fphish"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
  });

  test("a newline is not a 500 after the session was made: the person is signed in and goes home", async () => {
    const response = await signIn(fromQuery("redirectTo=/%0A/x"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    expect(response.headers.get("Set-Cookie")).toMatch(/^rungs_session=/);
  });

  test.each([
    "//evil.example",
    "/\\evil.example",
    "https://evil.example",
    "/..//evil.example",
    " //evil.example",
  ])("%j goes home", async (redirectTo) => {
    expect((await signIn(redirectTo)).headers.get("Location")).toBe("/");
  });
});

describe("after switching the theme", () => {
  test("back to the page it was switched on", async () => {
    const response = await switchTheme("/ladders/engineering?q=growth");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/ladders/engineering?q=growth");
  });

  test.each([
    fromQuery("redirectTo=%2F%09%2Fevil.example%2Fphish"),
    fromQuery("redirectTo=/%0A/x"),
    "//evil.example",
    "/\\evil.example",
  ])("%j goes home", async (redirectTo) => {
    const response = await switchTheme(redirectTo);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
  });

  test("the theme chosen is the one the next page is drawn in, beside other cookies; no cookie or an unknown value is the system's", async () => {
    const chosen = (await switchTheme("/")).headers.get("Set-Cookie")!.split(";")[0]!;
    const page = (cookie?: string) =>
      getTheme(new Request("http://localhost/", { headers: cookie ? { Cookie: cookie } : {} }));
    expect(await page(`rungs_session=abc; ${chosen}`)).toBe("dark");
    expect(await page()).toBe("system");
    expect(await page("rungs_session=abc")).toBe("system");
    expect(await page(`rungs_theme=${encodeURIComponent(btoa(JSON.stringify("neon")))}`)).toBe(
      "system",
    );
  });
});
