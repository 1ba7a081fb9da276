// Free text (a one-to-one's notes and points, a self-assessment's notes, a scorecard's notes)
// refuses what would carry a change of direction out of the text, and a text of nothing but
// invisible characters, through the forms and the autosave endpoints alike (app/utils/free-text.ts,
// decision 107). Balanced isolates, as Arabic pasted from another app carries, are kept as typed.
import { describe, expect, test } from "vitest";
import { db } from "~/db/client.server";
import { translatorOf } from "~/i18n/i18n.server";
import { messageText, wordsOf } from "~/i18n/messages";
import * as indexRoute from "~/routes/conversations._index";
import * as seriesRoute from "~/routes/conversations.$seriesId";
import { action as scorecardSave } from "~/routes/hiring.interviews.$interviewId.save";
import { createPerson } from "../utils/factories";
import { bodyOf, routeArgs, statusOf } from "../utils/responses";
import { signedInPost, signedInRequest } from "../utils/session";
import { organisation, save, startSelf } from "./assessments/assessments-helpers";
import { hiringSetUp } from "./hiring/helpers";

const refusal = (key: string, code?: string) =>
  messageText({ key: `common:errors.text.${key}`, values: code ? { code } : undefined });

async function oneToOne() {
  const manager = await createPerson({ name: "Sam Manager", track: "manager", level: "m1" });
  const engineer = await createPerson({
    name: "Lena Engineer",
    track: "ic",
    level: "ic2",
    managerId: manager.id,
  });
  const created = await indexRoute.action(
    routeArgs(
      await signedInPost("/conversations", engineer.id, {
        pairing: `one-to-one:${manager.id}:${engineer.id}`,
        cadence: "weekly",
        firstAt: "2031-03-03T15:30",
        minutes: "30",
      }),
    ),
  );
  const location = (created as Response).headers.get("Location")!;
  const seriesId = location.split("/").at(-1)!;
  const page = bodyOf<Awaited<ReturnType<typeof seriesRoute.loader>>>(
    await seriesRoute.loader(routeArgs(await signedInRequest(location, engineer.id), { seriesId })),
  );
  const post = async (fields: Record<string, string>) => {
    const result = await seriesRoute.action(
      routeArgs(
        await signedInPost(location, engineer.id, { meetingId: page.page.next!.id, ...fields }),
        { seriesId },
      ),
    );
    return { status: statusOf(result), body: JSON.stringify(bodyOf(result)) };
  };
  return { engineer, seriesId, post };
}

describe("free text and characters that change the direction of text", () => {
  test("the refusal names the character, in the reader's words", () => {
    const t = translatorOf(undefined);
    expect(wordsOf(t, refusal("override", "U+202E"))).toBe(
      "This text has a character that reverses the order of letters (U+202E); remove it.",
    );
    expect(wordsOf(t, refusal("invisible"))).toBe(
      "This text has only invisible characters; write some words or clear it.",
    );
  });

  test("a one-to-one note or point of one U+202E, an unclosed isolate or only invisible marks is refused with what was typed; a balanced isolate is kept", async () => {
    const { engineer, seriesId, post } = await oneToOne();
    const note = (text: string) => post({ intent: "note", visibility: "private", text });
    const override = await note("\u202E");
    expect(override.status).toBe(400);
    expect(override.body).toContain(JSON.stringify(refusal("override", "U+202E")).slice(1, -1));
    const unclosed = await post({ intent: "point", text: "Budget \u2067للمؤتمر" });
    expect(unclosed.status).toBe(400);
    expect(unclosed.body).toContain(JSON.stringify(refusal("unclosed", "U+2067")).slice(1, -1));
    // What was typed comes back with the refusal.
    expect(unclosed.body).toContain("Budget \u2067للمؤتمر");
    const stray = await note("Fine\u2069");
    expect(stray.body).toContain(JSON.stringify(refusal("strayClose", "U+2069")).slice(1, -1));
    const invisible = await note("\u200F\u200E\u200B");
    expect(invisible.status).toBe(400);
    expect(invisible.body).toContain(refusal("invisible"));
    expect(await db.conversationNote.count({ where: { authorId: engineer.id, seriesId } })).toBe(0);
    expect(await db.conversationPoint.count({ where: { seriesId } })).toBe(0);

    const balanced = "Talk about \u2067خطة التطور\u2069 first";
    expect((await note(balanced)).status).toBe(302);
    expect(
      (
        await db.conversationNote.findFirstOrThrow({
          where: { authorId: engineer.id, seriesId },
          select: { text: true },
        })
      ).text,
    ).toBe(balanced);
  });

  test("autosave: a self-assessment's notes and a scorecard's notes refuse an override, and nothing is saved", async () => {
    const { engineer } = await organisation();
    const assessmentId = await startSelf(engineer.id);
    const refused = await save(engineer.id, assessmentId, 0, [
      { field: "summary", value: "A good year \u202Eraey", base: "" },
    ]);
    expect(refused.status).toBe(400);
    // Worded by the endpoint, in the author's language, for the page's draft script (decision 167).
    const t = translatorOf(undefined);
    expect(refused.body.fieldErrors).toEqual({
      summary: [wordsOf(t, refusal("override", "U+202E"))],
    });
    expect((await db.assessment.findUniqueOrThrow({ where: { id: assessmentId } })).summary).toBe(
      "",
    );

    const { ana, anaInterview } = await hiringSetUp();
    const request = await signedInRequest(`/hiring/interviews/${anaInterview}/save`, ana.id, {
      method: "POST",
      body: JSON.stringify({
        baseRevision: 0,
        changes: [{ field: "notes:code-quality", value: "\u202B", base: "" }],
      }),
      headers: { "Content-Type": "application/json" },
    });
    const response = (await scorecardSave(
      routeArgs(request, { interviewId: anaInterview }),
    )) as Response;
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fieldErrors: unknown }).fieldErrors).toEqual({
      "notes:code-quality": [wordsOf(t, refusal("unclosed", "U+202B"))],
    });
    expect(await db.hiringScorecard.count({ where: { interviewId: anaInterview } })).toBe(0);
  });
});
