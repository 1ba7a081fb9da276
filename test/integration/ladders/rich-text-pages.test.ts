// Ladder text with Markdown on a page (decision 129): the server renders it and sends its HTML with
// the page's data, so the document and a navigation's `.data` answer both carry it, and the
// browser needs no Markdown parser.
import { describe, expect, test } from "vitest";
import * as layout from "~/routes/ladders.$ladderId";
import * as competencyPage from "~/routes/ladders.$ladderId.competencies.$competencyId";
import { appBuild, copyLadder, getAs, serveWithLadders } from "../../utils/app-server";
import { createPerson } from "../../utils/factories";
import { startSession } from "~/modules/identity/sessions/session.server";

const LAYOUT = "routes/ladders.$ladderId";
const build = appBuild({
  [LAYOUT]: { path: "ladders/:ladderId", module: layout },
  "routes/competency": {
    path: "competencies/:competencyId",
    module: competencyPage,
    parentId: LAYOUT,
  },
});
const app = serveWithLadders(build, "rich-text-pages", (dir) => copyLadder("product", dir));

const DESCRIPTION = "Learning from users: interviews, tests, **evidence**.";

describe("ladder text with Markdown", () => {
  test("shows as the server's HTML in the page, and comes with a navigation's data", async () => {
    const person = await createPerson({ name: "Ada Reader" });
    const page = await getAs(app.server, person.id, "/ladders/product/competencies/user-research");
    expect(page.status).toBe(200);
    expect(page.body).toContain(
      "Learning from users: interviews, tests, <strong>evidence</strong>.",
    );
    expect(page.body).not.toContain("**evidence**.</");

    const cookie = (await startSession(person.id)).split(";")[0]!;
    const data = await app.server.send("GET", "/ladders/product/competencies/user-research.data", {
      Cookie: cookie,
    });
    expect(data.status).toBe(200);
    expect(data.body).toContain(DESCRIPTION);
    expect(data.body).toContain("<strong>evidence</strong>");
  });
});
