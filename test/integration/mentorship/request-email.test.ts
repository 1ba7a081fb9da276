// A mentee whose request is declined, and a mentor who is asked, hear of it by email through the outbox, as of any other to-do.
import { describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  process.env.MAIL_FROM = "Rungs <rungs@example.com>";
  process.env.PUBLIC_URL = "http://rungs.test";
});

import { db } from "~/db/client.server";
import { queueReminders } from "~/modules/notifications/outbox.server";
import { answerRequest, askMentor } from "~/modules/mentorship/requests.server";
import { day, joinAs, setUp } from "./helpers";

/** The coming Tuesday at noon (UTC): the weekly digest goes on Mondays, so each new item gets a nudge of its own. */
function comingTuesday(): Date {
  const day = new Date();
  day.setUTCHours(12, 0, 0, 0);
  day.setUTCDate(day.getUTCDate() + ((2 - day.getUTCDay() + 7) % 7 || 7));
  return day;
}

describe("requests reach people by email", () => {
  test("the mentor is told they were asked; the mentee that their request was declined, once, without the mentor's note", async () => {
    // The matching day a month away: the coming Tuesday (one to seven days off) is never "due soon" of it, whatever day this runs.
    const { lena, ravi, programmeId } = await setUp({ matchingOn: day(30), startsOn: day(40) });
    const tuesday = comingTuesday();
    await joinAs(lena, programmeId, "mentee", ["testing"]);
    await joinAs(ravi, programmeId, "mentor", ["testing"]);
    await askMentor(lena, programmeId, { mentorId: ravi.id, rank: 1 });
    const request = await db.mentorshipRequest.findFirstOrThrow({
      where: { programmeId, menteeId: lena.id },
      select: { id: true },
    });

    await queueReminders(tuesday);
    const toRavi = await db.outboxMessage.findUniqueOrThrow({
      where: { key: `nudge-new:${ravi.id}:mentorship-request:${request.id}` },
      select: { subject: true, status: true },
    });
    expect(toRavi).toEqual({
      subject: `New on your to-do list: Answer a request from ${lena.name} for you as their mentor`,
      status: "queued",
    });

    await answerRequest(ravi, programmeId, request.id, "declined", "PRIVATE-NOTE-4c1d");
    await queueReminders(tuesday);
    await queueReminders(tuesday);
    const toLena = await db.outboxMessage.findMany({
      where: { userId: lena.id, key: { contains: "mentorship-request-declined" } },
      select: { subject: true, textBody: true, htmlBody: true },
    });
    expect(toLena.map((message) => message.subject)).toEqual([
      `New on your to-do list: Choose another mentor: ${ravi.name} declined your request`,
    ]);
    expect(`${toLena[0]!.textBody}${toLena[0]!.htmlBody}`).not.toContain("PRIVATE-NOTE-4c1d");
    expect(toLena[0]!.textBody).toContain(`http://rungs.test/mentorship/${programmeId}/mentors`);
  });
});
