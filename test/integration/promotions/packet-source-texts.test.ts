// A nomination's page in the reader's language: the target level in its heading, the nominee's
// level in the record's sentence and each criterion's competency and expectations are shown in the
// ladder's own language, marked and with their `lang`, where the reader's translation lacks them
// (decision 124); a translated one carries no mark.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { servedLadderVersion } from "~/modules/ladders/registry.server";
import { requireLadderOfVersion } from "~/modules/ladders/versions.server";
import { criteriaOf } from "~/modules/promotions/committee.server";
import * as ballotRoute from "~/routes/promotions.windows.$windowId.ballots.$nominationId";
import * as nominationRoute from "~/routes/promotions.nominations.$nominationId";
import { appBuild, copyLadder, getAs, serveWithLadders } from "../../utils/app-server";
import { createPerson } from "../../utils/factories";

const DAY = 24 * 60 * 60 * 1000;

const build = appBuild({
  "routes/nomination": { path: "promotions/nominations/:nominationId", module: nominationRoute },
  "routes/ballot": {
    path: "promotions/windows/:windowId/ballots/:nominationId",
    module: ballotRoute,
  },
});

const app = serveWithLadders(build, "packet-source-texts", (dir) => copyLadder("translated", dir));

/** A nominee on the fixture ladder's first level (translated into German) put forward for the second (not translated), with a draft packet. */
async function nominationRead(language: string) {
  const { nominee, nomination } = await nominated(language);
  return read(nominee.id, `/promotions/nominations/${nomination.id}`);
}

async function read(personId: string, path: string) {
  const { status, body } = await getAs(app.server, personId, path);
  expect(status).toBe(200);
  return body.replaceAll("<!-- -->", "");
}

/** The nomination, its window (chaired by a reader of the same language) and its draft packet. */
async function nominated(language: string) {
  const chair = await createPerson({
    language,
    name: "Vera Voter",
    ladderId: "translated",
    track: "ic",
    level: "ic3",
  });
  const nominee = await createPerson({
    name: "Lena Schulz",
    ladderId: "translated",
    track: "ic",
    level: "ic1",
    language,
  });
  const served = (await servedLadderVersion("translated"))!;
  const now = Date.now();
  const window = await db.promotionWindow.create({
    data: {
      name: "Herbstrunde",
      ladderId: "translated",
      ladderVersionId: served.versionId,
      state: "open",
      nominationsOpenOn: new Date(now - 10 * DAY),
      nominationsCloseOn: new Date(now + 5 * DAY),
      packetsDueOn: new Date(now + 10 * DAY),
      votesDueOn: new Date(now + 20 * DAY),
      effectiveOn: new Date(now + 40 * DAY),
      minMembers: 1,
      membersAtOrAbove: false,
      minOutsideMembers: 0,
      redactedFirstRead: false,
      openedAt: new Date(now - 10 * DAY),
      members: { create: [{ personId: chair.id, role: "chair" }] },
    },
  });
  const ladder = await requireLadderOfVersion(served.versionId);
  const nomination = await db.promotionNomination.create({
    data: {
      windowId: window.id,
      nomineeId: nominee.id,
      kind: "self",
      nominatedById: nominee.id,
      trackId: "ic",
      levelId: "ic1",
      targetTrackId: "ic",
      targetLevelId: "ic2",
      statement: "Ich habe das Zahlungsprojekt geleitet.",
      candidateNumber: 1,
      packets: {
        create: {
          ladderVersionId: served.versionId,
          targetTrackId: "ic",
          targetLevelId: "ic2",
          cases: {
            create: criteriaOf(ladder, "ic2").map((criterion) => ({ competencyId: criterion.id })),
          },
        },
      },
    },
  });
  return { chair, nominee, window, nomination };
}

const MARK = "Noch nicht in Ihre Sprache übersetzt";
const marked = (text: string) =>
  `<span lang="en" dir="auto">${text}</span><span title="${MARK}[^"]*"[^>]*>[^<]+</span>`;

describe("a nomination's ladder texts the reader's translation lacks", () => {
  test("a German reader sees the target level marked inside the heading's sentence, the translated level of the record not", async () => {
    const body = await nominationRead("de");
    expect(body).toMatch(new RegExp(`<h1[^>]*>Lena Schulz, für ${marked("Engineer II")}</h1>`));
    expect(body).toContain("auf der Stufe Ingenieur:in I.");
    expect(body).not.toMatch(new RegExp(marked("Ingenieur:in I")));
  });

  test("each criterion's competency and expectations are marked where untranslated; a translated competency is not", async () => {
    const body = await nominationRead("de");
    expect(body).toMatch(new RegExp(`<h3[^>]*>${marked("Testing")}</h3>`));
    expect(body).toMatch(
      new RegExp(`<li>${marked("Chooses the right layer for each test.")}</li>`),
    );
    expect(body).toMatch(/<h3[^>]*>Codequalität<\/h3>/);
  });

  test("the committee's ballot marks the target level in its heading and the untranslated criteria", async () => {
    const { chair, window, nomination } = await nominated("de");
    await db.promotionWindow.update({ where: { id: window.id }, data: { state: "committee" } });
    await db.promotionPacket.updateMany({
      where: { nominationId: nomination.id },
      data: { submittedAt: new Date(), submittedById: nomination.nomineeId },
    });
    const body = await read(chair.id, `/promotions/windows/${window.id}/ballots/${nomination.id}`);
    expect(body).toMatch(new RegExp(`<h1[^>]*>Lena Schulz, für ${marked("Engineer II")}</h1>`));
    expect(body).toMatch(new RegExp(`<h2[^>]*>${marked("Testing")}</h2>`));
    expect(body).toMatch(
      new RegExp(`<li>${marked("Chooses the right layer for each test.")}</li>`),
    );
    expect(body).toMatch(/<h2[^>]*>Codequalität<\/h2>/);
  });

  test("an English reader reads the ladder's texts without marks", async () => {
    const body = await nominationRead("en");
    expect(body).toMatch(/<h1[^>]*>Lena Schulz, for Engineer II<\/h1>/);
    expect(body).not.toContain('lang="en" dir="auto"');
  });
});
