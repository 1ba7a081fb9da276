// The language of a page, through the real request handler with the root's middleware and the
// document as the server renders it: chosen for each request on its own, and said in <html lang dir>.
import { createRequestHandler } from "@react-router/express";
import express from "express";
import { createElement } from "react";
import { useTranslation } from "react-i18next";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import renderDocument, { handleError } from "~/entry.server";
import * as root from "~/root";
import * as login from "~/routes/login";
import { contextWith } from "~/utils/server-facts";
import { listen } from "../../utils/http-server";
import { withRouteProps } from "../../utils/responses";
import { route, serverBuild } from "../../utils/server-build";

// Without Vite, the page component is given its props as the framework's build gives them, and the stylesheet's address is empty, which React refuses as an href: the page without it.
function SlowPage() {
  const { t } = useTranslation();
  return createElement("p", { id: "word" }, t("nav.home"));
}

const build = serverBuild(
  {
    root: route("root", "", { ...root, links: () => [] }),
    "routes/login": route("routes/login", "login", { ...login, default: withRouteProps(login.default) }),
    // A page whose loader waits, so that requests in flight together overlap between choosing their language and rendering.
    "routes/slow": route("routes/slow", "slow", { loader: () => new Promise((resolve) => setTimeout(() => resolve(null), 5)), default: SlowPage }),
  },
  { document: renderDocument as never, handleError },
);

let server: Awaited<ReturnType<typeof listen>>;
beforeAll(async () => {
  const app = express();
  app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: (req) => contextWith({ cspNonce: "", clientAddress: req.ip ?? "unknown", requestId: "test" }) }));
  server = await listen(app);
});
afterAll(async () => server.close());

const page = (acceptLanguage?: string) => server.send("GET", "/login", acceptLanguage ? { "Accept-Language": acceptLanguage } : {});

describe("the language of a page", () => {
  test("English (British) without a preference the browser states", async () => {
    const { status, body } = await page();
    expect(status).toBe(200);
    expect(body).toContain('<html lang="en-GB" dir="ltr"');
    expect(body).toContain("Sign in to Rungs");
    expect(body).toContain("<title>Sign in · Rungs</title>");
  });

  test("a German browser reads German, a title and words alike", async () => {
    const { body } = await page("de-DE,de;q=0.9,en;q=0.5");
    expect(body).toContain('<html lang="de" dir="ltr"');
    expect(body).toContain("Bei Rungs anmelden");
    expect(body).toContain("<title>Anmelden · Rungs</title>");
    expect(body).not.toContain("Sign in to Rungs");
  });

  test("an Arabic browser reads Arabic, right to left", async () => {
    const { body } = await page("ar-EG");
    expect(body).toContain('<html lang="ar" dir="rtl"');
    expect(body).toContain("تسجيل الدخول إلى Rungs");
  });

  test("a refusal is worded in the language of the request that was refused", async () => {
    const answer = await server.send("POST", "/login.data", { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "fr" }, "email=nobody%40example.com&password=wrong");
    expect(answer.body).toContain("Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte actif.");
  });

  test("a page's data carries the language's code, never its messages", async () => {
    const { body } = await server.send("GET", "/login.data", { "Accept-Language": "de" });
    expect(body).toContain('"de"');
    expect(body).not.toContain("Bei Rungs anmelden");
    expect(body).not.toContain("Abmelden");
  });

  test("requests in flight together each keep their own language", async () => {
    const home = { de: "Start", ar: "الرئيسية", fr: "Accueil", es: "Inicio", en: "Home" } as const;
    const asked = Array.from({ length: 40 }, (_, i) => (["de", "ar", "fr", "es", "en"] as const)[i % 5]!);
    const answers = await Promise.all(asked.map((language) => server.send("GET", "/slow", { "Accept-Language": language })));
    const said = answers.map(({ body }) => [body.match(/<html lang="([^"]+)"/)?.[1], body.match(/<p id="word">([^<]*)<\/p>/)?.[1]]);
    expect(said).toEqual(asked.map((language) => [language === "en" ? "en-GB" : language, home[language]]));
  });
});
