import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { HiringAdminRoleHelp } from "~/components/hiring/hiring-admin-role";
import { i18nFor } from "~/i18n/i18n.server";

// Under a co-owner refused for lacking the role, the email to an admin is already written, in the
// words of the hiring admin who sends it.
describe("asking an admin for the hiring-admin role", () => {
  it("writes the email in the reader's language", () => {
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: i18nFor("de") },
        createElement(HiringAdminRoleHelp, {
          roleToGrant: {
            people: [{ name: "Ben Engineer", email: "ben@example.com", path: "/admin/people/b" }],
            admins: [{ name: "Ada Admin", email: "ada@example.com" }],
            viewerIsAdmin: false,
          },
        }),
      ),
    );
    const href = /href="(mailto:[^"]*)"/.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? "";
    const url = new URL(href);
    expect(url.pathname).toBe("ada@example.com");
    expect(url.searchParams.get("subject")).toBe("Rolle Recruiting-Admin für Ben Engineer");
    expect(url.searchParams.get("body")).toContain(
      "Bitte geben Sie Ben Engineer (ben@example.com) in Rungs die Rolle Recruiting-Admin",
    );
  });
});
