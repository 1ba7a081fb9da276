// The language of a page, through the real request handler with the root's middleware and the
// document as the server renders it: the person's choice, else the browser's, else the
// organisation's; chosen for each request on its own, and said in <html lang dir>.
import { createElement } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "~/db/client.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import renderDocument, { handleError } from "~/entry.server";
import * as root from "~/root";
import * as home from "~/routes/_index";
import * as login from "~/routes/login";
import { erasePerson } from "~/modules/retention/erasure.server";
import * as settings from "~/routes/settings.email";
import * as noPage from "~/routes/$";
import { createPerson } from "../../utils/factories";
import { withRouteProps } from "../../utils/responses";
import { route, serveBuild, serverBuild } from "../../utils/server-build";

// Without Vite, the page components are given their props as the framework's build gives them, and the stylesheet's address is empty, which React refuses as an href: the page without it.
// The organisation speaks Spanish: the language of whoever neither chose one nor has a browser that
// asks for one Rungs speaks. Set before the app's modules read the environment.
vi.hoisted(() => {
  process.env.ORG_LANGUAGE = "es";
});

function SlowPage() {
  const { t } = useTranslation();
  return createElement("p", { id: "word" }, t("nav.home"));
}

/** A page that words from two namespaces, with the app's scripts. */
function TwoNamespacesPage() {
  const { t } = useTranslation("auth");
  const common = useTranslation().t;
  return createElement("p", { id: "word" }, `${t("login.heading")} ${common("nav.home")}`);
}

const build = serverBuild(
  {
    root: route("root", "", { ...root, links: () => [], default: withRouteProps(root.default) }),
    "routes/_index": route(
      "routes/_index",
      undefined,
      { ...home, default: withRouteProps(home.default) },
      { index: true },
    ),
    "routes/login": route("routes/login", "login", {
      ...login,
      default: withRouteProps(login.default),
    }),
    "routes/settings.email": route("routes/settings.email", "settings/email", {
      ...settings,
      default: withRouteProps(settings.default),
    }),
    // A page whose loader waits, so that requests in flight together overlap between choosing their language and rendering.
    "routes/slow": route("routes/slow", "slow", {
      loader: () => new Promise((resolve) => setTimeout(() => resolve(null), 5)),
      default: SlowPage,
    }),
    "routes/words": route("routes/words", "words", { default: TwoNamespacesPage }),
    "routes/$": route("routes/$", "*", noPage),
  },
  { document: renderDocument as never, handleError },
);

let server: Awaited<ReturnType<typeof serveBuild>>;
beforeAll(async () => {
  server = await serveBuild(build);
});
afterAll(async () => server.close());

const page = (acceptLanguage?: string) =>
  server.send("GET", "/login", acceptLanguage ? { "Accept-Language": acceptLanguage } : {});

describe("the language of a page", () => {
  test("English (British) when the browser asks for it", async () => {
    const { status, body } = await page("en-US,en;q=0.9");
    expect(status).toBe(200);
    expect(body).toContain('<html lang="en-GB" dir="ltr"');
    expect(body).toContain("Sign in to Rungs");
    expect(body).toContain("<title>Sign in · Rungs</title>");
  });

  test("the organisation's language when the browser asks for none Rungs speaks, or for nothing", async () => {
    for (const asked of [undefined, "ja-JP,zh;q=0.5"]) {
      const { body } = await page(asked);
      expect(body, asked).toContain('<html lang="es" dir="ltr"');
      expect(body, asked).toContain("Iniciar sesión en Rungs");
    }
  });

  test("a person's own choice, whatever their browser asks for; none chosen, their browser's", async () => {
    const arabic = await createPerson({ name: "Layla" });
    await db.user.update({ where: { id: arabic.id }, data: { language: "ar" } });
    const unset = await createPerson({ name: "Uwe" });
    const asSignedIn = async (personId: string) => ({
      Cookie: (await startSession(personId)).split(";")[0]!,
      "Accept-Language": "de-DE,de",
    });
    const chosen = await server.send("GET", "/slow", await asSignedIn(arabic.id));
    expect(chosen.body).toContain('<html lang="ar" dir="rtl"');
    expect(chosen.body).toContain('<p id="word">الرئيسية</p>');
    const browsers = await server.send("GET", "/slow", await asSignedIn(unset.id));
    expect(browsers.body).toContain('<html lang="de" dir="ltr"');
    expect(browsers.body).toContain('<p id="word">Start</p>');
  });

  test("the home page and the shell around it in a person's language, titles and counts included", async () => {
    const manager = await createPerson({ name: "Jonas Weber" });
    await db.user.update({ where: { id: manager.id }, data: { language: "de" } });
    await createPerson({ name: "Report One", managerId: manager.id });
    const { body } = await server.send("GET", "/", {
      Cookie: (await startSession(manager.id)).split(";")[0]!,
      "Accept-Language": "en",
    });
    for (const words of [
      "<title>Start · Rungs</title>",
      "Hallo, Jonas",
      "Als Nächstes zu tun",
      "Wo Sie stehen",
      "Ihre direkt unterstellten Personen (1)",
      "Meine Entwicklung",
      "Abmelden",
    ])
      expect(body).toContain(words);
    expect(body).not.toContain("What to do next");
  });

  test("a person chooses their language on their settings page, and can give the choice back to their browser", async () => {
    const person = await createPerson({ name: "Uwe" });
    const headers = {
      Cookie: (await startSession(person.id)).split(";")[0]!,
      "Accept-Language": "fr",
      "Content-Type": "application/x-www-form-urlencoded",
    };
    const chose = await server.send(
      "POST",
      "/settings/email",
      headers,
      "intent=language&language=de",
    );
    expect(chose.status).toBe(302);
    expect((await server.send("GET", "/slow", headers)).body).toContain('<p id="word">Start</p>');
    await server.send("POST", "/settings/email", headers, "intent=language&language=");
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).language).toBeNull();
    expect((await server.send("GET", "/slow", headers)).body).toContain('<p id="word">Accueil</p>');
  });

  test("the digest's hour is a time the page formats, as the language writes every time it shows", async () => {
    const person = await createPerson({ name: "Uwe" });
    const cookie = (await startSession(person.id)).split(";")[0]!;
    const read = async (language: string) =>
      (await server.send("GET", "/settings/email", { Cookie: cookie, "Accept-Language": language }))
        .body;
    expect(await read("fr")).toContain("Récapitulatif de votre liste de tâches, à 09:00 dans");
    expect(await read("es")).toContain("Resumen de su lista de tareas, a las 9:00 de su");
  });

  test("a person's choice words what their actions refuse, too", async () => {
    const arabic = await createPerson({ name: "Layla" });
    await db.user.update({ where: { id: arabic.id }, data: { language: "ar" } });
    const cookie = (await startSession(arabic.id)).split(";")[0]!;
    const refused = await server.send(
      "POST",
      "/settings/email.data",
      {
        Cookie: cookie,
        "Accept-Language": "de",
        "Content-Type": "application/x-www-form-urlencoded",
      },
      "intent=language&language=xx",
    );
    expect(refused.status).toBe(400);
    // The code the person sent is Latin inside an Arabic sentence: isolated (decision 107).
    expect(refused.body).toContain(
      "لا تتوفر اللغة «\u2068xx\u2069» في Rungs. اختر لغة من القائمة.",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: arabic.id } })).language).toBe("ar");
  });

  test("a German browser reads German, a title and words alike", async () => {
    const { body } = await page("de-DE,de;q=0.9,en;q=0.5");
    expect(body).toContain('<html lang="de" dir="ltr"');
    expect(body).toContain("Bei Rungs anmelden");
    expect(body).toContain("<title>Anmelden · Rungs</title>");
    expect(body).not.toContain("Sign in to Rungs");
  });

  test("an address no page has is a 404 in the browser's language, not the router's English", async () => {
    const { status, body } = await server.send("GET", "/no-such-page", {
      "Accept-Language": "de-DE,de;q=0.9",
    });
    expect(status).toBe(404);
    expect(body).toContain('<html lang="de" dir="ltr"');
    expect(body).toMatch(/<h1[^>]*>Nicht gefunden<\/h1>/);
    expect(body).toContain("Unter dieser Adresse gibt es keine Seite.");
  });

  test("an Arabic browser reads Arabic, right to left", async () => {
    const { body } = await page("ar-EG");
    expect(body).toContain('<html lang="ar" dir="rtl"');
    expect(body).toContain("تسجيل الدخول إلى Rungs");
  });

  test("outside production, a browser asking for the pseudo-language first reads English accented and longer", async () => {
    const { body } = await page("en-XA, de;q=0.5");
    expect(body).toContain('<html lang="en-XA" dir="ltr"');
    expect(body).toMatch(/<h1[^>]*>\[Šîĝñ îñ ţö Ŕûñĝš( ~)+\]<\/h1>/);
  });

  test("a refusal is worded in the language of the request that was refused", async () => {
    const answer = await server.send(
      "POST",
      "/login.data",
      { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "fr" },
      "email=nobody%40example.com&password=wrong",
    );
    expect(answer.body).toContain(
      "Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte actif.",
    );
  });

  test("a page's data carries the language's code, never its messages", async () => {
    const { body } = await server.send("GET", "/login.data", { "Accept-Language": "de" });
    expect(body).toContain('"de"');
    expect(body).not.toContain("Bei Rungs anmelden");
    expect(body).not.toContain("Abmelden");
  });

  test("requests in flight together each keep their own language", async () => {
    const home = { de: "Start", ar: "الرئيسية", fr: "Accueil", es: "Inicio", en: "Home" } as const;
    const asked = Array.from(
      { length: 40 },
      (_, i) => (["de", "ar", "fr", "es", "en"] as const)[i % 5]!,
    );
    const answers = await Promise.all(
      asked.map((language) => server.send("GET", "/slow", { "Accept-Language": language })),
    );
    const said = answers.map(({ body }) => [
      body.match(/<html lang="([^"]+)"/)?.[1],
      body.match(/<p id="word">([^<]*)<\/p>/)?.[1],
    ]);
    expect(said).toEqual(
      asked.map((language) => [language === "en" ? "en-GB" : language, home[language]]),
    );
  });
  test("a page names the namespaces its words came from, for the browser to fetch only those; each of pages rendered together names its own", async () => {
    const named = (body: string) =>
      JSON.parse(
        body.match(
          /<script type="application\/json" id="rungs-namespaces">([^<]*)<\/script>/,
        )?.[1] ?? "null",
      ) as unknown;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.send("GET", i % 2 ? "/slow" : "/words", { "Accept-Language": "de" }),
      ),
    );
    expect(answers.map(({ body }) => named(body))).toEqual(
      answers.map((_, i) => (i % 2 ? ["common"] : ["auth", "common"])),
    );
    // After the page's own content, just before the body ends; and not in its data.
    expect(answers[0]!.body).toMatch(/id="rungs-namespaces">[^<]*<\/script><\/body>/);
    const { body } = await server.send("GET", "/words.data", { "Accept-Language": "de" });
    expect(body).not.toContain("rungs-namespaces");
  });

  test("a page that works whole as HTML (the sign-in page, home) is sent without the app's scripts, the data they would hydrate from or the namespaces they would fetch (decision 134)", async () => {
    const { status, body } = await page("de");
    expect(status).toBe(200);
    expect(body).toContain("Anmelden");
    expect(body).not.toMatch(/<script[^>]*type="module"|modulepreload|__reactRouterContext/);
    expect(body).not.toContain("rungs-namespaces");
    // Its one script, a file of its own: the print and copy buttons and the rest.
    expect(body.match(/<script[^>]*>/g)).toEqual([
      expect.stringMatching(
        /^<script src="\/assets\/plain-page-page-[\w-]{8}\.js" defer="" nonce=/,
      ),
    ]);
    // So is home, where signing in lands: links and to-dos.
    const person = await createPerson({ name: "Hanna Home" });
    const home = await server.send("GET", "/", {
      Cookie: (await startSession(person.id)).split(";")[0]!,
    });
    expect(home.status).toBe(200);
    expect(home.body).toContain("Hanna");
    expect(home.body).not.toMatch(/<script[^>]*type="module"|modulepreload|__reactRouterContext/);
    // A page of the app carries them.
    const app = await server.send("GET", "/words", { "Accept-Language": "de" });
    expect(app.body).toMatch(/<script[^>]*type="module"/);
    expect(app.body).toContain("__reactRouterContext");
  });
});

describe("what is written in the organisation's language", () => {
  test("someone erased is listed under the organisation's words for a former colleague, whoever reads", async () => {
    const leaver = await createPerson({
      name: "Lena Leaver",
      deactivatedAt: new Date(),
      language: "de",
    });
    expect(await erasePerson(leaver.id, new Date(), "keep", "request")).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: leaver.id } })).name).toBe(
      "Antiguo compañero",
    );
  });
});
