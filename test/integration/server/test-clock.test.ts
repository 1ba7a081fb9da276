import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { startSession } from "~/modules/identity/sessions/session.server";
import { createAdmin } from "../../utils/factories";
import {
  ensureBuild,
  setTestClock,
  startAppServer,
  type AppServer,
} from "../../../scripts/app-servers";

/**
 * The server started on a test clock (decision 078) reads it in every app process: a review
 * cycle's status on the admins' page follows the clock as the test moves it, whichever process
 * answers, while sign-in sessions keep to the machine's time.
 */
describe("a server on a test clock", () => {
  let server: AppServer | null = null;
  beforeAll(async () => {
    ensureBuild();
    server = await startAppServer(process.env.DATABASE_URL!, {
      testClock: new Date("2026-12-01T09:00:00Z"),
      env: { WEB_CONCURRENCY: "2" },
    });
  }, 300_000);
  afterAll(async () => {
    await server?.kill();
  });

  test("pages read the time the test set, in every app process, and move with it", async () => {
    const admin = await createAdmin({ name: "Ada Admin" });
    await db.reviewCycle.create({
      data: {
        name: "Winter reviews",
        startsOn: new Date("2027-01-04"),
        endsOn: new Date("2027-01-29"),
      },
    });
    const cookie = (await startSession(admin.id)).split(";")[0]!;
    // Several requests, so both app processes answer at least once over the run.
    const statuses = async () => {
      const pages = await Promise.all(
        Array.from({ length: 6 }, () =>
          fetch(`${server!.url}/admin/cycles`, {
            headers: { Cookie: cookie },
            redirect: "manual",
          }).then(async (answer) => ({
            status: answer.status,
            location: answer.headers.get("location"),
            text: await answer.text(),
          })),
        ),
      );
      // The status badge, in the table after its caption; an answer without one says what it was.
      const badge = (page: { status: number; location: string | null; text: string }) =>
        /Not started yet|Open, past its end date|Open/.exec(
          page.text.slice(page.text.indexOf("Review cycles, newest first") >>> 0),
        )?.[0] ?? `none (${page.status} ${page.location ?? page.text.slice(0, 200)})`;
      return new Set(pages.map(badge));
    };

    expect(await statuses()).toEqual(new Set(["Not started yet"]));
    await setTestClock(server!.clockFile!, new Date("2027-01-15T09:00:00Z"));
    expect(await statuses()).toEqual(new Set(["Open"]));
    // Months on, the session cookie of a moment ago still signs the admin in: sessions age in real time.
    await setTestClock(server!.clockFile!, new Date("2027-09-01T09:00:00Z"));
    expect(await statuses()).toEqual(new Set(["Open, past its end date"]));
  }, 60_000);
});
