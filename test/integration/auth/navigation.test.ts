// The navigation a person is shown, as the root loader decides it for every page.
import { describe, expect, test } from "vitest";
import { loader as rootLoader } from "~/root";
import { createPerson } from "../../utils/factories";
import { bodyOf, routeArgs } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";

async function navOf(userId: string) {
  return bodyOf<{ viewer: { nav: Record<string, boolean> } & Record<string, unknown> }>(
    await rootLoader(routeArgs(await signedInRequest("/", userId))),
  ).viewer;
}

describe("the navigation", () => {
  test("an engineer gets none of the admin, team, calibration, hiring or insights links; each role gets its own", async () => {
    const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
    const hiring = await createPerson({ name: "Grace Hiring", isHiringAdmin: true });
    const manager = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
    const engineer = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
    });

    const forEngineer = await navOf(engineer.id);
    expect(forEngineer.nav).toEqual({
      team: false,
      calibration: false,
      hiring: false,
      insights: false,
      admin: false,
    });
    // The roles themselves are not sent to the browser: only what the navigation shows.
    expect(forEngineer).not.toHaveProperty("isAdmin");
    expect(forEngineer).not.toHaveProperty("isHiringAdmin");
    expect(forEngineer).not.toHaveProperty("isManager");

    expect((await navOf(manager.id)).nav).toEqual({
      team: true,
      calibration: true,
      hiring: false,
      insights: true,
      admin: false,
    });
    expect((await navOf(hiring.id)).nav).toEqual({
      team: false,
      calibration: false,
      hiring: true,
      insights: false,
      admin: false,
    });
    expect((await navOf(admin.id)).nav).toEqual({
      team: false,
      calibration: true,
      hiring: true,
      insights: true,
      admin: true,
    });
  });
});
