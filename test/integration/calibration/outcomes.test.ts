import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { createSession } from "~/modules/calibration/sessions.server";
import {
  action as entryAction,
  loader as entryLoader,
} from "~/routes/calibration.$sessionId.entries.$entryId";
import {
  action as sessionAction,
  loader as sessionLoader,
} from "~/routes/calibration.$sessionId._index";
import { loader as listLoader } from "~/routes/calibration._index";
import { createAdmin, createPerson } from "../../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../../utils/responses";
import { signedInRequest } from "../../utils/session";
import {
  competencyIds,
  evidence,
  save,
  startReview,
  submit,
} from "../assessments/assessments-helpers";
import { inEnglishWords } from "../../utils/english";
import type { Message } from "~/i18n/messages";

async function call<T>(fn: () => Promise<T>): Promise<unknown> {
  try {
    return await fn();
  } catch (thrown) {
    return thrown;
  }
}

/** A signed-in form post whose fields may repeat (the agenda's ticked entries). */
async function post(url: string, userId: string, fields: [string, string][]) {
  return signedInRequest(url, userId, { method: "POST", body: new URLSearchParams(fields) });
}

/**
 * Mia's organisation: Sam (who facilitates, and is himself calibrated under Mia) with Lena and
 * Omar, Kim with Pia. Mia and Kim propose as managers; Sam proposes for his reports.
 */
async function setUp() {
  const admin = await createAdmin({ name: "Ada Admin" });
  const mia = await createPerson({ name: "Mia Director", track: "manager", level: "m2" });
  const sam = await createPerson({
    name: "Sam Manager",
    track: "manager",
    level: "m1",
    managerId: mia.id,
  });
  const kim = await createPerson({
    name: "Kim Manager",
    track: "manager",
    level: "m1",
    managerId: mia.id,
  });
  const lena = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: sam.id,
  });
  const omar = await createPerson({
    name: "Omar Engineer",
    track: "ic",
    level: "ic3",
    managerId: sam.id,
  });
  const pia = await createPerson({
    name: "Pia Engineer",
    track: "ic",
    level: "ic2",
    managerId: kim.id,
  });
  const cycle = await db.reviewCycle.create({
    data: {
      name: "Spring",
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2026-12-31"),
      participants: { create: [sam, lena, omar, pia].map((p) => ({ userId: p.id })) },
    },
  });
  const created = await createSession(
    { ...admin, isHiringAdmin: false },
    {
      name: "Spring calibration",
      cycleId: cycle.id,
      ladderId: "engineering",
      facilitatorEmail: sam.email,
      population: "cycle",
      teamIds: [],
      blindPreRead: false,
      secondDimension: "Potential",
    },
  );
  if (!created.ok) throw new Error("no session");
  const { sessionId } = created;
  const entries = await db.calibrationEntry.findMany({
    where: { sessionId },
    select: { id: true, personId: true },
  });
  const entryOf = (person: { id: string }) =>
    entries.find((entry) => entry.personId === person.id)!.id;
  const sessionPath = `/calibration/${sessionId}`;
  const entryPath = (person: { id: string }) => `${sessionPath}/entries/${entryOf(person)}`;
  const move = async (to: string) =>
    expect(
      statusOf(
        await call(async () =>
          sessionAction(routeArgs(await post(sessionPath, sam.id, [["to", to]]), { sessionId })),
        ),
      ),
    ).toBe(302);
  const propose = async (managerId: string, person: { id: string }, fields: [string, string][]) =>
    call(async () =>
      entryAction(
        routeArgs(await post(entryPath(person), managerId, [["intent", "propose"], ...fields]), {
          sessionId,
          entryId: entryOf(person),
        }),
      ),
    );
  const events = async (person: { id: string }) =>
    db.calibrationEvent.count({ where: { entryId: entryOf(person) } });
  return {
    admin,
    mia,
    sam,
    kim,
    lena,
    omar,
    pia,
    sessionId,
    sessionPath,
    entryOf,
    entryPath,
    move,
    propose,
    events,
  };
}

describe("calibration outcomes", () => {
  test("the entry's history reads in words: scale points by label, levels by title, the second dimension by its label, evidence by its text", async () => {
    const { sam, lena, move, propose, entryPath, entryOf, sessionId } = await setUp();
    const reviewId = await startReview(sam.id, lena.id);
    const [first] = await competencyIds(reviewId);
    const added = await evidence(sam.id, reviewId, {
      intent: "add",
      competencyId: first!,
      text: "Led the checkout rewrite.",
    });
    const saved = await save(
      sam.id,
      reviewId,
      added.body.revision ?? 0,
      (await competencyIds(reviewId)).map((id) => ({
        field: `rating:${id}`,
        value: 3,
        base: null,
      })),
    );
    expect((await submit(sam.id, reviewId, saved.body.revision)).status).toBe(302);
    await move("proposals");
    const evidenceId = (
      await db.ratingEvidence.findFirstOrThrow({ where: { text: "Led the checkout rewrite." } })
    ).id;
    const proposed = await propose(sam.id, lena, [
      ["rating", "3"],
      ["outcome", "promote"],
      ["levelId", "ic3"],
      ["second", "3"],
      ["text", "Ready."],
      ["evidence", evidenceId],
    ]);
    expect(statusOf(proposed)).toBe(302);
    const page = bodyOf<{ history: { lines: Message[] }[] }>(
      await entryLoader(
        routeArgs(await signedInRequest(entryPath(lena), sam.id), {
          sessionId,
          entryId: entryOf(lena),
        }),
      ),
    );
    expect(page.history.map((event) => event.lines.map(inEnglishWords).join("; "))).toEqual([
      "proposed rating Consistent (3); proposed outcome Promote; proposed level Senior Engineer; rationale “Ready.”; evidence pointed to: “Led the checkout rewrite.”; proposed Potential High",
    ]);
  });

  test("saving a proposal or an outcome that changes nothing writes nothing, adds no event, and says so", async () => {
    const { sam, lena, move, propose, entryPath, entryOf, sessionId, events } = await setUp();
    await move("proposals");
    const proposal: [string, string][] = [
      ["rating", "3"],
      ["outcome", "stay"],
      ["second", "2"],
      ["text", "At the bar."],
    ];
    expect(statusOf(await propose(sam.id, lena, proposal))).toBe(302);
    const again = (await propose(sam.id, lena, proposal)) as Response;
    expect(again.headers.get("Location")).toBe(`${entryPath(lena)}?saved=unchanged`);
    expect(await events(lena)).toBe(1);
    expect(
      (await db.calibrationEntry.findUniqueOrThrow({ where: { id: entryOf(lena) } })).revision,
    ).toBe(1);

    await move("live");
    // The facilitator records Lena's outcome as proposed, then again as it is.
    const record = async (revision: number) =>
      call(async () =>
        entryAction(
          routeArgs(
            await post(entryPath(lena), sam.id, [
              ["intent", "final"],
              ["revision", String(revision)],
              ["rating", "3"],
              ["outcome", "stay"],
              ["second", "2"],
              ["text", ""],
            ]),
            { sessionId, entryId: entryOf(lena) },
          ),
        ),
      );
    expect(((await record(1)) as Response).headers.get("Location")).toBe(
      `${entryPath(lena)}?saved=final`,
    );
    expect(await events(lena)).toBe(2);
    expect(((await record(2)) as Response).headers.get("Location")).toBe(
      `${entryPath(lena)}?saved=unchanged`,
    );
    // Even from a stale form: the outcome already is what it asks for.
    expect(((await record(1)) as Response).headers.get("Location")).toBe(
      `${entryPath(lena)}?saved=unchanged`,
    );
    expect(await events(lena)).toBe(2);
  });

  test("the session page counts everyone in the session, as the sessions list does, and says why a calibrator sees fewer", async () => {
    const { sam, kim, sessionId, sessionPath, move } = await setUp();
    const listed = bodyOf<{ sessions: { id: string; people: number }[] }>(
      await listLoader(routeArgs(await signedInRequest("/calibration", sam.id))),
    ).sessions;
    expect(listed.find((session) => session.id === sessionId)?.people).toBe(4);
    // Sam is calibrated in the session (under Mia): his own entry is decided without him.
    const page = async (personId: string) =>
      bodyOf<{
        people: { everyone: number; notShown: number; why: string | null; erased: number };
        entries: unknown[];
      }>(
        await sessionLoader(routeArgs(await signedInRequest(sessionPath, personId), { sessionId })),
      );
    expect((await page(sam.id)).people).toEqual({
      everyone: 4,
      notShown: 1,
      why: "own-entry",
      erased: 0,
    });
    // While the session is set up, Kim sees his own report only.
    expect((await page(kim.id)).people).toEqual({
      everyone: 4,
      notShown: 3,
      why: "own-reports",
      erased: 0,
    });
    await move("proposals");
    expect((await page(kim.id)).people).toEqual({ everyone: 4, notShown: 0, why: null, erased: 0 });
  });

  test("a bulk accept leaves to the facilitator only the people still without an outcome; those with another outcome keep it", async () => {
    const { sam, kim, lena, omar, pia, sessionId, sessionPath, entryPath, entryOf, move, propose } =
      await setUp();
    await move("proposals");
    expect(
      statusOf(
        await propose(sam.id, lena, [
          ["rating", "3"],
          ["outcome", "stay"],
          ["second", "2"],
          ["text", "At the bar."],
        ]),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await propose(kim.id, pia, [
          ["rating", "2"],
          ["outcome", "stay"],
          ["second", "1"],
          ["text", "Not yet."],
        ]),
      ),
    ).toBe(302);
    await move("live");
    const preview = async () =>
      bodyOf<{ preview: unknown }>(
        await call(async () =>
          sessionAction(
            routeArgs(
              await post(sessionPath, sam.id, [
                ["intent", "accept-preview"],
                ["scope", "all"],
              ]),
              { sessionId },
            ),
          ),
        ),
      ).preview;
    // Omar has no proposal and no outcome: he is left to decide.
    expect(await preview()).toEqual({
      accept: [
        { id: entryOf(lena), name: "Lena Engineer" },
        { id: entryOf(pia), name: "Pia Engineer" },
      ],
      already: 0,
      kept: 0,
      left: 1,
    });
    const record = async (person: { id: string }, fields: [string, string][]) =>
      call(async () =>
        entryAction(
          routeArgs(
            await post(entryPath(person), sam.id, [
              ["intent", "final"],
              ["revision", "0"],
              ...fields,
            ]),
            { sessionId, entryId: entryOf(person) },
          ),
        ),
      );
    expect(
      statusOf(
        await record(omar, [
          ["rating", "3"],
          ["outcome", "stay"],
          ["second", "2"],
          ["text", "Decided in the room."],
        ]),
      ),
    ).toBe(302);
    const piaRevision = (
      await db.calibrationEntry.findUniqueOrThrow({
        where: { id: entryOf(pia) },
        select: { revision: true },
      })
    ).revision;
    expect(
      statusOf(
        await call(async () =>
          entryAction(
            routeArgs(
              await post(entryPath(pia), sam.id, [
                ["intent", "final"],
                ["revision", String(piaRevision)],
                ["rating", "3"],
                ["outcome", "stay"],
                ["second", "2"],
                ["text", "Stronger than proposed."],
              ]),
              {
                sessionId,
                entryId: entryOf(pia),
              },
            ),
          ),
        ),
      ),
    ).toBe(302);
    // Omar has an outcome now, without a proposal; Pia's differs from hers: both keep theirs, and nobody is left.
    expect(await preview()).toEqual({
      accept: [{ id: entryOf(lena), name: "Lena Engineer" }],
      already: 0,
      kept: 2,
      left: 0,
    });
  });

  test("the facilitator accepts proposals in bulk after confirming: each is its own event, no reason needed, one transaction; refusals change nothing", async () => {
    const {
      admin,
      sam,
      kim,
      mia,
      lena,
      omar,
      pia,
      sessionId,
      sessionPath,
      entryOf,
      move,
      propose,
      events,
    } = await setUp();
    await move("proposals");
    expect(
      statusOf(
        await propose(sam.id, lena, [
          ["rating", "3"],
          ["outcome", "promote"],
          ["levelId", "ic3"],
          ["second", "3"],
          ["text", "Ready."],
        ]),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await propose(kim.id, pia, [
          ["rating", "2"],
          ["outcome", "stay"],
          ["second", "1"],
          ["text", "Not yet."],
        ]),
      ),
    ).toBe(302);
    expect(
      statusOf(
        await propose(mia.id, sam, [
          ["rating", "4"],
          ["outcome", "stay"],
          ["second", "2"],
          ["text", "Strong."],
        ]),
      ),
    ).toBe(302);
    const accept = async (personId: string, fields: [string, string][]) =>
      call(async () =>
        sessionAction(routeArgs(await post(sessionPath, personId, fields), { sessionId })),
      );
    // Before the session is live, nobody records outcomes.
    expect(
      statusOf(
        await accept(sam.id, [
          ["intent", "accept-preview"],
          ["scope", "all"],
        ]),
      ),
    ).toBe(403);
    await move("live");
    const before = await db.calibrationEvent.count({ where: { sessionId } });

    // Only the facilitator (or an admin) accepts.
    expect(
      statusOf(
        await accept(kim.id, [
          ["intent", "accept-preview"],
          ["scope", "all"],
        ]),
      ),
    ).toBe(403);
    // The preview of "all": everyone Sam may decide with a proposal and no outcome; his own entry (calibrated under Mia) is not his to decide.
    const preview = await accept(sam.id, [
      ["intent", "accept-preview"],
      ["scope", "all"],
    ]);
    expect(statusOf(preview)).toBe(200);
    expect(bodyOf<{ preview: unknown }>(preview).preview).toEqual({
      accept: [
        { id: entryOf(lena), name: "Lena Engineer" },
        { id: entryOf(pia), name: "Pia Engineer" },
      ],
      already: 0,
      kept: 0,
      left: 1,
    });
    // Without the confirmation, accepting only previews again.
    const unconfirmed = await accept(sam.id, [
      ["intent", "accept"],
      ["entryId", entryOf(lena)],
    ]);
    expect(bodyOf<{ preview: { accept: unknown[] } }>(unconfirmed).preview.accept).toHaveLength(1);
    // A chosen entry Sam may not decide (his own) is a 404, one that does not exist too; one without a proposal is refused, naming it; nothing is written.
    expect(
      statusOf(
        await accept(sam.id, [
          ["intent", "accept"],
          ["confirm", "yes"],
          ["entryId", entryOf(lena)],
          ["entryId", entryOf(sam)],
        ]),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await accept(sam.id, [
          ["intent", "accept"],
          ["confirm", "yes"],
          ["entryId", entryOf(lena)],
          ["entryId", "no-such-entry"],
        ]),
      ),
    ).toBe(404);
    const refused = await accept(sam.id, [
      ["intent", "accept"],
      ["confirm", "yes"],
      ["entryId", entryOf(lena)],
      ["entryId", entryOf(omar)],
    ]);
    expect(statusOf(refused)).toBe(400);
    expect(bodyOf<{ error: string }>(refused).error).toBe(
      "Nothing was accepted: Omar Engineer has no proposal to accept.",
    );
    expect(
      statusOf(
        await accept(sam.id, [
          ["intent", "accept"],
          ["confirm", "yes"],
        ]),
      ),
    ).toBe(400);
    expect(await db.calibrationEvent.count({ where: { sessionId } })).toBe(before);
    expect(
      await db.calibrationEntry.count({ where: { sessionId, finalRating: { not: null } } }),
    ).toBe(0);

    // Confirmed: both proposals become outcomes, each with its own event and no reason.
    const done = (await accept(sam.id, [
      ["intent", "accept"],
      ["confirm", "yes"],
      ["entryId", entryOf(lena)],
      ["entryId", entryOf(pia)],
    ])) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`${sessionPath}?accepted=2`);
    expect(
      await db.calibrationEntry.findUniqueOrThrow({
        where: { id: entryOf(lena) },
        select: {
          finalRating: true,
          finalOutcome: true,
          finalLevelId: true,
          finalSecond: true,
          finalReason: true,
          revision: true,
        },
      }),
    ).toEqual({
      finalRating: 3,
      finalOutcome: "promote",
      finalLevelId: "ic3",
      finalSecond: 3,
      finalReason: null,
      revision: 2,
    });
    const finals = await db.calibrationEvent.findMany({
      where: { sessionId, kind: "final" },
      select: { entryId: true, change: true, reason: true, actorId: true },
    });
    expect(
      finals
        .map((event) => [event.entryId, JSON.parse(event.change), event.reason, event.actorId])
        .sort(),
    ).toEqual(
      [
        [
          entryOf(lena),
          {
            finalRating: [null, 3],
            finalOutcome: [null, "promote"],
            finalLevelId: [null, "ic3"],
            finalSecond: [null, 3],
          },
          null,
          sam.id,
        ],
        [
          entryOf(pia),
          { finalRating: [null, 2], finalOutcome: [null, "stay"], finalSecond: [null, 1] },
          null,
          sam.id,
        ],
      ].sort(),
    );
    // Accepting again changes nothing: no new events, and the page says they already were.
    const again = (await accept(sam.id, [
      ["intent", "accept"],
      ["confirm", "yes"],
      ["entryId", entryOf(lena)],
    ])) as Response;
    expect(again.headers.get("Location")).toBe(`${sessionPath}?accepted=0&already=1`);
    expect(await events(lena)).toBe(2);

    // An outcome recorded otherwise is not overwritten by a bulk accept: the admin decides Sam's entry differently, then tries to accept it.
    const samsEntry = entryOf(sam);
    expect(
      statusOf(
        await call(async () =>
          entryAction(
            routeArgs(
              await post(`${sessionPath}/entries/${samsEntry}`, admin.id, [
                ["intent", "final"],
                ["revision", "1"],
                ["rating", "3"],
                ["outcome", "stay"],
                ["second", "2"],
                ["text", "Scope not yet at the next bar."],
              ]),
              {
                sessionId,
                entryId: samsEntry,
              },
            ),
          ),
        ),
      ),
    ).toBe(302);
    const overwrite = await accept(admin.id, [
      ["intent", "accept"],
      ["confirm", "yes"],
      ["entryId", samsEntry],
    ]);
    expect(statusOf(overwrite)).toBe(400);
    expect(bodyOf<{ error: string }>(overwrite).error).toMatch(
      /^Nothing was accepted: Sam Manager already has an outcome that differs from the proposal/,
    );
    expect(
      (await db.calibrationEntry.findUniqueOrThrow({ where: { id: samsEntry } })).finalRating,
    ).toBe(3);
  });
});
