// Emails in the recipient's language, against a real SMTP server on a loopback port (smtp-server),
// read back with mailparser: their own setting, else the organisation's (Spanish here), else English.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  process.env.MAIL_FROM = "Rungs <rungs@example.com>";
  process.env.PUBLIC_URL = "http://rungs.test";
  process.env.ORG_LANGUAGE = "es";
});

import { db } from "~/db/client.server";
import { startSeries } from "~/modules/conversations/series.server";
import { runNotificationPass } from "~/modules/notifications/outbox.server";
import { openCycle } from "../assessments/assessments-helpers";
import { hiringSetUp } from "../hiring/helpers";
import { createPerson } from "../../utils/factories";
import { startSmtpSink, type Received } from "../../utils/smtp-sink";

// Monday 23 November 2026, 10:00 UTC: the weekly digest is due on a UTC clock.
const MONDAY = new Date("2026-11-23T10:00:00Z");
// Tuesday 24 November 2026, 08:00 UTC: no digest is due.
const TUESDAY = new Date("2026-11-24T08:00:00Z");

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

const pass = (at: Date) => runNotificationPass(sink.transport(), { now: () => at });

function mailTo(person: { email: string }, from: number): Received[] {
  return sink.received.slice(from).filter((message) => message.to.includes(person.email));
}

/** The calendar invitations that reached the person: the email's subject and text, and the event's summary and description as a calendar client reads them. */
function invitationsTo(person: { email: string }, from: number) {
  return mailTo(person, from).flatMap((message) =>
    message.mail.attachments
      .filter((part) => part.contentType.startsWith("text/calendar"))
      .map((part) => {
        const event = new ICAL.Component(
          ICAL.parse(part.content.toString("utf8")),
        ).getFirstSubcomponent("vevent")!;
        return {
          subject: message.mail.subject,
          text: message.mail.text ?? "",
          html: String(message.mail.html),
          summary: String(event.getFirstPropertyValue("summary")),
          description:
            event.getFirstPropertyValue("description") === null
              ? null
              : String(event.getFirstPropertyValue("description")),
        };
      }),
  );
}

describe("emails in the recipient's language", () => {
  test("the digest: German and Arabic (right to left) for those who chose them, the organisation's Spanish for a person without a setting, English for one who chose it", async () => {
    const person = (name: string, language: string | null) =>
      createPerson({ name, track: "ic", level: "ic2", language });
    const [greta, amal, nora, ed] = await Promise.all([
      person("Greta Deutsch", "de"),
      person("Amal Arabi", "ar"),
      person("Nora Default", null),
      person("Ed English", "en"),
    ]);
    const cycle = await openCycle(`Languages ${greta.id}`, [greta.id, amal.id, nora.id, ed.id]);
    const from = sink.received.length;
    expect(await pass(MONDAY)).toMatchObject({ failed: 0 });

    // The cycle's last day, 31 December 2026, is 38 days ahead of Monday 23 November.
    const [toGreta] = mailTo(greta, from);
    expect(mailTo(greta, from)).toHaveLength(1);
    expect(toGreta!.mail.subject).toBe("Ihre Aufgabenliste in Rungs: 1 Aufgabe");
    expect(toGreta!.mail.text).toContain(
      "Guten Tag Greta Deutsch,\n\nDas steht in Rungs auf Ihrer Aufgabenliste.\n",
    );
    expect(toGreta!.mail.text).toContain(
      `- Sich für ${cycle.name} selbst einschätzen (fällig am Do, 31.12.2026, in 38 Tagen)\n  http://rungs.test/assess`,
    );
    expect(toGreta!.mail.text).toContain(
      "Sie erhalten diese E-Mail, weil Sie E-Mails über die Zusammenfassung Ihrer Aufgabenliste gewählt haben.",
    );
    expect(toGreta!.mail.text).toMatch(
      /Diese E-Mails abbestellen: http:\/\/rungs\.test\/unsubscribe\?token=/,
    );
    expect(toGreta!.mail.html).toContain('<html lang="de">');
    expect(toGreta!.mail.html).toContain(
      '<p style="font-size:14px">Sie erhalten diese E-Mail, weil Sie E-Mails über die Zusammenfassung Ihrer Aufgabenliste gewählt haben. <a href="http://rungs.test/settings/email"',
    );

    const [toAmal] = mailTo(amal, from);
    expect(toAmal!.mail.subject).toBe("قائمة مهامك في Rungs: عنصر واحد");
    expect(toAmal!.mail.text).toContain("مرحبًا Amal Arabi،\n\nإليك ما في قائمة مهامك في Rungs.\n");
    expect(toAmal!.mail.text).toContain(
      `- أجرِ تقييمك الذاتي في ${cycle.name} (موعده الخميس 31\u200f/12\u200f/2026، بعد 38 يومًا)`,
    );
    expect(toAmal!.mail.text).toMatch(
      /أوقف هذه الرسائل: http:\/\/rungs\.test\/unsubscribe\?token=/,
    );
    expect(toAmal!.mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(toAmal!.mail.html).toContain('<main dir="rtl">');
    expect(toAmal!.mail.html).toContain(">اختر ما يرسله لك Rungs</a> أو <a ");

    const [toNora] = mailTo(nora, from);
    expect(toNora!.mail.subject).toBe("Su lista de tareas en Rungs: 1 elemento");
    expect(toNora!.mail.text).toContain("Hola, Nora Default:");
    expect(toNora!.mail.text).toContain(
      `- Hacer su autoevaluación en ${cycle.name} (vence el jue 31 dic 2026, dentro de 38 días)`,
    );
    expect(toNora!.mail.html).toContain('<html lang="es">');

    const [toEd] = mailTo(ed, from);
    expect(toEd!.mail.subject).toBe("Your Rungs to-do list: 1 item");
    expect(toEd!.mail.text).toContain(
      `- Assess yourself for ${cycle.name} (due Thu 31 Dec 2026, in 38 days)`,
    );
    expect(toEd!.mail.html).toContain('<html lang="en">');
  });

  test("an interview's invitation: subject, body and calendar event in each interviewer's language and on their clock; the candidate's contact hears the organisation's", async () => {
    const hiring = await hiringSetUp();
    const [coding, design] = hiring.stages;
    await db.user.update({
      where: { id: hiring.ben.id },
      data: { language: "de", timeZone: "Europe/Berlin" },
    });
    await db.user.update({ where: { id: hiring.ana.id }, data: { language: "ar" } });
    await db.hiringInterview.updateMany({
      where: { loopId: hiring.loopId },
      data: { scheduledAt: new Date("2026-11-26T10:00:00Z") },
    });
    const loop = await db.hiringLoop.update({
      where: { id: hiring.loopId },
      data: { inviteCandidate: true },
      select: { candidate: { select: { email: true } } },
    });
    const from = sink.received.length;
    expect(await pass(TUESDAY)).toMatchObject({ failed: 0 });

    expect(invitationsTo(hiring.ben, from)).toEqual([
      {
        subject: `Einladung: Interview (${design!.name}) für Senior Engineer, Payments, Donnerstag, 26. November 2026 um 11:00 (Europe/Berlin)`,
        text: expect.stringContaining(
          `Guten Tag Ben Interviewer,\n\nSie führen ein Interview; die angehängte Einladung trägt es in Ihren Kalender ein.\n\nInterview (${design!.name}) für Senior Engineer, Payments: Donnerstag, 26. November 2026 um 11:00 (Europe/Berlin)\nInterviewleitfaden und Bewertungsbogen: http://rungs.test/hiring/interviews/${hiring.benInterview}\n`,
        ),
        html: expect.stringContaining('<html lang="de">'),
        summary: `Interview (${design!.name}) für Senior Engineer, Payments`,
        description: `Interviewleitfaden und Bewertungsbogen: http://rungs.test/hiring/interviews/${hiring.benInterview}`,
      },
    ]);
    expect(invitationsTo(hiring.ana, from)).toEqual([
      {
        subject: `دعوة: مقابلة (${coding!.name}) لوظيفة Senior Engineer, Payments، الخميس، 26 نوفمبر 2026 في 10:00 ص (UTC)`,
        text: expect.stringContaining(
          `مرحبًا Ana Interviewer،\n\nستجري مقابلة؛ الدعوة المرفقة تضيفها إلى تقويمك.\n`,
        ),
        html: expect.stringContaining('<html lang="ar" dir="rtl">'),
        summary: `مقابلة (${coding!.name}) لوظيفة Senior Engineer, Payments`,
        description: `دليل المقابلة وبطاقة التقييم: http://rungs.test/hiring/interviews/${hiring.anaInterview}`,
      },
    ]);
    const toCandidate = invitationsTo(loop.candidate, from);
    expect(
      toCandidate
        .map((invitation) => [invitation.subject, invitation.summary, invitation.description])
        .sort(),
    ).toEqual([
      [
        `Invitación: Entrevista (${coding!.name}) para Senior Engineer, Payments, jueves, 26 de noviembre de 2026, 10:00 (UTC)`,
        `Entrevista (${coding!.name}) para Senior Engineer, Payments`,
        null,
      ],
      [
        `Invitación: Entrevista (${design!.name}) para Senior Engineer, Payments, jueves, 26 de noviembre de 2026, 10:00 (UTC)`,
        `Entrevista (${design!.name}) para Senior Engineer, Payments`,
        null,
      ],
    ]);
    expect(toCandidate[0]!.text).toContain(
      "Recibe este mensaje porque el equipo de contratación pidió que sus entrevistas se enviaran a su calendario.",
    );
  });

  test("a one-to-one's invitation: each of the two in their own language, naming the other", async () => {
    const manager = await createPerson({
      name: "Sam Manager",
      track: "manager",
      level: "m1",
      timeZone: "Europe/Berlin",
      language: "de",
    });
    const report = await createPerson({
      name: "Lena Engineer",
      track: "ic",
      level: "ic2",
      managerId: manager.id,
      language: "ar",
    });
    await startSeries(
      { id: manager.id, isAdmin: false },
      {
        kind: "one-to-one",
        managerId: manager.id,
        reportId: report.id,
        cadence: "weekly",
        firstAt: new Date("2026-11-30T09:00:00Z"),
      },
      TUESDAY,
    );
    const from = sink.received.length;
    expect(await pass(TUESDAY)).toMatchObject({ failed: 0 });

    expect(invitationsTo(manager, from)).toEqual([
      {
        subject:
          "Einladung: Einzelgespräch mit Lena Engineer, Montag, 30. November 2026 um 10:00 (Europe/Berlin)",
        text: expect.stringContaining("Ihr nächstes Karrieregespräch steht fest;"),
        html: expect.stringContaining('<html lang="de">'),
        summary: "Einzelgespräch mit Lena Engineer",
        description: expect.stringMatching(
          /^Agenda und Notizen: http:\/\/rungs\.test\/conversations\/[\w-]+$/,
        ),
      },
    ]);
    expect(invitationsTo(report, from)).toEqual([
      {
        subject: "دعوة: الاجتماع الفردي مع Sam Manager، الاثنين، 30 نوفمبر 2026 في 9:00 ص (UTC)",
        text: expect.stringContaining("تحدّد موعد محادثتك المهنية القادمة؛"),
        html: expect.stringContaining('<html lang="ar" dir="rtl">'),
        summary: "الاجتماع الفردي مع Sam Manager",
        description: expect.stringMatching(
          /^جدول الأعمال والملاحظات: http:\/\/rungs\.test\/conversations\/[\w-]+$/,
        ),
      },
    ]);
  });
});
