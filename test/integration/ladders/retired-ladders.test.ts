import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { resetLadderRegistry } from "~/modules/ladders/registry.server";
import * as adminLadders from "~/routes/admin.ladders";
import { action as newSessionAction, loader as newSessionLoader } from "~/routes/calibration.new";
import { loader as openingLoader } from "~/routes/hiring.openings.$openingId._index";
import {
  action as newOpeningAction,
  loader as newOpeningLoader,
} from "~/routes/hiring.openings.new";
import { loader as ladderLoader } from "~/routes/ladders.$ladderId._index";
import { loader as laddersLoader } from "~/routes/ladders._index";
import { loader as settingsLoader } from "~/routes/mentorship.$programmeId.settings";
import {
  action as newProgrammeAction,
  loader as newProgrammeLoader,
} from "~/routes/mentorship.new";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf, thrown } from "../../utils/responses";
import { signedInPost, signedInRequest } from "../../utils/session";
import { programmeFields } from "../mentorship/helpers";

/**
 * A company on its own ladder: the shipped engineering folder sorts first, but the people are on
 * the product ladder.
 */
const dir = mkdtempSync(join(tmpdir(), "rungs-retired-ladders-"));
beforeAll(() => {
  cpSync("frameworks/engineering", join(dir, "engineering"), { recursive: true });
  cpSync("test/fixtures/ladders/product", join(dir, "product"), { recursive: true });
  resetLadderRegistry(dir);
});
afterAll(() => {
  resetLadderRegistry("frameworks");
  rmSync(dir, { recursive: true, force: true });
});

type Picker = { ladders: { id: string }[]; defaultLadderId: string | undefined };
type Status = {
  served: { id: string; activePeople: number }[];
  retired: { id: string; name: string; served: boolean; retiredBy: string | null }[];
  removed: { id: string; name: string }[];
};

async function pickers(adminId: string) {
  const calibration = bodyOf<Picker>(
    await newSessionLoader(routeArgs(await signedInRequest("/calibration/new", adminId))),
  );
  const mentorship = bodyOf<Picker>(
    await newProgrammeLoader(routeArgs(await signedInRequest("/mentorship/new", adminId))),
  );
  const hiring = bodyOf<Picker>(
    await newOpeningLoader(routeArgs(await signedInRequest("/hiring/openings/new", adminId))),
  );
  return [calibration, mentorship, hiring].map(({ ladders, defaultLadderId }) => ({
    ids: ladders.map((ladder) => ladder.id),
    defaultLadderId,
  }));
}
const browseList = async (userId: string) =>
  bodyOf<{ ladders: { id: string }[] }>(
    await laddersLoader(routeArgs(await signedInRequest("/ladders", userId))),
  ).ladders.map((ladder) => ladder.id);
const status = async (adminId: string) =>
  bodyOf<Status>(
    await adminLadders.loader(routeArgs(await signedInRequest("/admin/ladders", adminId))),
  );
const act = async (userId: string, intent: string, ladderId: string) =>
  adminLadders.action(
    routeArgs(await signedInPost("/admin/ladders", userId, { intent, ladderId })),
  );

let admin: Awaited<ReturnType<typeof createAdmin>>;
const engineers: Awaited<ReturnType<typeof createPerson>>[] = [];
beforeAll(async () => {
  admin = await createAdmin({ name: "Ida Admin", isHiringAdmin: true });
  // Three on the product ladder (one recorded before ladders were named, found by a level only product has),
  // two on engineering, and four who left engineering long ago.
  await createPerson({ ladderId: "product", track: "ic", level: "p2" });
  await createPerson({ ladderId: "product", track: "ic", level: "p3" });
  await createPerson({ ladderId: null, track: "ic", level: "p2" });
  engineers.push(
    await createPerson({ name: "Ada Obi", ladderId: "engineering", track: "ic", level: "ic2" }),
  );
  engineers.push(
    await createPerson({ name: "Ben Ng", ladderId: "engineering", track: "ic", level: "ic3" }),
  );
  for (let index = 0; index < 4; index++)
    await createPerson({
      ladderId: "engineering",
      track: "ic",
      level: "ic3",
      deactivatedAt: new Date(),
    });
});

describe("the default ladder of every picker", () => {
  test("calibration, mentorship and hiring default to the ladder most active people are on, not to the first folder", async () => {
    for (const picker of await pickers(admin.id))
      expect(picker).toEqual({ ids: ["engineering", "product"], defaultLadderId: "product" });
  });

  test("the ladder status page says how many active people are on each ladder", async () => {
    expect((await status(admin.id)).served).toEqual([
      expect.objectContaining({ id: "engineering", activePeople: 2 }),
      expect.objectContaining({ id: "product", activePeople: 3 }),
    ]);
  });
});

describe("retiring a ladder", () => {
  test("a ladder active people are on is not retired: the admin is told how many, who and where to move them, and nothing is written", async () => {
    const refused = await act(admin.id, "retire", "engineering");
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ error: string }>(refused).error).toBe(
      "2 active people are on Engineering: Ada Obi and Ben Ng. Move them to another ladder first (on their page under People, or with a CSV import that has a ladder column), then retire it.",
    );
    expect(await db.retiredLadder.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "ladder.retired" } })).toBe(0);
  });

  test("only admins retire or restore, a ladder Rungs never stored is a 404, and nothing is written", async () => {
    const engineer = await createPerson();
    expect(statusOf(await thrown(() => act(engineer.id, "retire", "product")))).toBe(403);
    expect(statusOf(await thrown(() => act(engineer.id, "restore", "product")))).toBe(403);
    expect(statusOf(await thrown(() => act(admin.id, "retire", "no-such-ladder")))).toBe(404);
    expect(statusOf(await thrown(() => act(admin.id, "restore", "no-such-ladder")))).toBe(404);
    expect(statusOf(await thrown(() => act(admin.id, "archive", "engineering")))).toBe(400);
    expect(await db.retiredLadder.count()).toBe(0);
  });

  test("a retired ladder leaves every picker and the ladder list; its pages and the records made on it stay readable; it holds across a restart; restoring brings it back", async () => {
    // A role opened on engineering before it is retired, and a programme on it.
    const opened = await newOpeningAction(
      routeArgs(
        await signedInPost("/hiring/openings/new", admin.id, {
          title: "Staff engineer",
          ladderId: "engineering",
          levelId: "ic4",
        }),
      ),
    );
    expect(statusOf(opened)).toBe(302);
    const openingId = (opened as Response).headers.get("Location")!.split("/").at(-1)!;
    const made = await newProgrammeAction(
      routeArgs(
        await signedInPost(
          "/mentorship/new",
          admin.id,
          programmeFields({ ladderId: "engineering" }),
        ),
      ),
    );
    expect(statusOf(made)).toBe(302);
    const programmeId = (made as Response).headers.get("Location")!.split("/").at(-1)!;

    // Its people move to the product ladder; then it can go.
    await db.user.updateMany({
      where: { id: { in: engineers.map((person) => person.id) } },
      data: { ladderId: "product", level: "p2" },
    });
    const retired = await act(admin.id, "retire", "engineering");
    expect(statusOf(retired)).toBe(200);
    expect(bodyOf<{ message: string }>(retired).message).toBe(
      "Engineering is retired: it is no longer offered, and what was recorded on it stays readable.",
    );
    expect(
      await db.retiredLadder.findUniqueOrThrow({
        where: { ladderId: "engineering" },
        select: { retiredById: true },
      }),
    ).toEqual({ retiredById: admin.id });
    expect(
      await db.auditEvent.findFirstOrThrow({
        where: { action: "ladder.retired" },
        select: { actorId: true, subjectType: true, subjectId: true, detail: true },
      }),
    ).toEqual({
      actorId: admin.id,
      subjectType: "ladders",
      subjectId: "engineering",
      detail: { name: "Engineering" },
    });

    const hidden = async () => {
      for (const picker of await pickers(admin.id))
        expect(picker).toEqual({ ids: ["product"], defaultLadderId: "product" });
      expect(await browseList(admin.id)).toEqual(["product"]);
    };
    await hidden();
    // The programme's own settings still show the ladder it was set up on.
    const settings = bodyOf<{ ladders: { id: string }[] }>(
      await settingsLoader(
        routeArgs(await signedInRequest(`/mentorship/${programmeId}/settings`, admin.id), {
          programmeId,
        }),
      ),
    );
    expect(settings.ladders.map((ladder) => ladder.id)).toEqual(["engineering", "product"]);
    // A form read before the ladder was retired opens nothing on it.
    const stale = await newOpeningAction(
      routeArgs(
        await signedInPost("/hiring/openings/new", admin.id, {
          title: "Another",
          ladderId: "engineering",
          levelId: "ic4",
        }),
      ),
    );
    expect(bodyOf<{ error: Record<string, string[]> }>(stale).error.ladderId).toEqual([
      "hiring:newOpening.errors.ladderNotServed",
    ]);
    const staleSession = await newSessionAction(
      routeArgs(
        await signedInPost("/calibration/new", admin.id, {
          name: "Late",
          cycleId: "none",
          ladderId: "engineering",
          population: "cycle",
          facilitatorEmail: admin.email,
          groupFloor: "5",
        }),
      ),
    );
    expect(bodyOf<{ error: Record<string, string[]> }>(staleSession).error.ladderId).toEqual([
      "That ladder is not served.",
    ]);
    expect(await db.hiringOpening.count()).toBe(1);

    // Direct links and records keep working.
    expect(
      bodyOf<{ name: string }>(
        await ladderLoader(
          routeArgs(await signedInRequest("/ladders/engineering", admin.id), {
            ladderId: "engineering",
          }),
        ),
      ).name,
    ).toBe("Engineering");
    expect(
      bodyOf<{ opening: { title: string } }>(
        await openingLoader(
          routeArgs(await signedInRequest(`/hiring/openings/${openingId}`, admin.id), {
            openingId,
          }),
        ),
      ).opening.title,
    ).toBe("Staff engineer");
    expect((await status(admin.id)).retired).toEqual([
      {
        id: "engineering",
        name: "Engineering",
        served: true,
        retiredBy: "Ida Admin",
        retiredAt: expect.any(String),
      },
    ]);
    expect((await status(admin.id)).served.map((ladder) => ladder.id)).toEqual(["product"]);

    // Another app server, or this one after a restart, reads the same.
    resetLadderRegistry(dir);
    await hidden();

    // Retiring again changes nothing.
    expect(statusOf(await act(admin.id, "retire", "engineering"))).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "ladder.retired" } })).toBe(1);

    const restored = await act(admin.id, "restore", "engineering");
    expect(bodyOf<{ message: string }>(restored).message).toBe("Engineering is offered again.");
    expect(await db.retiredLadder.count()).toBe(0);
    expect(
      await db.auditEvent.findFirstOrThrow({
        where: { action: "ladder.restored" },
        select: { actorId: true, subjectId: true },
      }),
    ).toEqual({ actorId: admin.id, subjectId: "engineering" });
    for (const picker of await pickers(admin.id))
      expect(picker).toEqual({ ids: ["engineering", "product"], defaultLadderId: "product" });
    expect(await browseList(admin.id)).toEqual(["engineering", "product"]);
  });

  test("the last ladder offered is not retired", async () => {
    await db.retiredLadder.create({ data: { ladderId: "engineering", retiredById: admin.id } });
    const refused = await act(admin.id, "retire", "product");
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ error: string }>(refused).error).toBe(
      "Product is the only ladder offered: add or restore another before retiring it.",
    );
    await db.retiredLadder.deleteMany();
  });

  test("a ladder whose folder was removed can still be retired, and stays retired when an upgrade brings the folder back", async () => {
    rmSync(join(dir, "engineering"), { recursive: true, force: true });
    resetLadderRegistry(dir);
    expect((await status(admin.id)).removed).toEqual([{ id: "engineering", name: "Engineering" }]);
    expect(statusOf(await act(admin.id, "retire", "engineering"))).toBe(200);
    expect(await status(admin.id)).toMatchObject({
      removed: [],
      retired: [{ id: "engineering", served: false }],
    });

    cpSync("frameworks/engineering", join(dir, "engineering"), { recursive: true });
    resetLadderRegistry(dir);
    expect(await browseList(admin.id)).toEqual(["product"]);
    expect((await pickers(admin.id))[0]).toEqual({ ids: ["product"], defaultLadderId: "product" });
  });
});
