// One reminder email per person per pass, read back through a real SMTP server (smtp-server, mailparser).
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  process.env.MAIL_FROM = "Rungs <rungs@example.com>";
  process.env.PUBLIC_URL = "http://rungs.test";
});

import { db } from "~/db/client.server";
import { runNotificationPass } from "~/modules/notifications/outbox.server";
import * as unsubscribeRoute from "~/routes/unsubscribe";
import { openCycle, organisation } from "../assessments/assessments-helpers";
import { routeArgs } from "../../utils/responses";
import { startSmtpSink } from "../../utils/smtp-sink";

// Tuesdays, 08:00 UTC: no weekly digest is due.
const TUESDAY = new Date("2026-11-24T08:00:00Z");
const TWO_WEEKS_EARLIER = new Date("2026-11-10T08:00:00Z");

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

const pass = (at: Date, worker?: string) =>
  runNotificationPass(sink.transport(), { now: () => at, worker });

function header(raw: string, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)$`, "mi").exec(raw.replace(/\r?\n[ \t]+/g, " "))?.[1];
}

function receivedFor(person: { email: string }, from: number) {
  return sink.received.slice(from).filter((message) => message.to.includes(person.email));
}

/** A one-click unsubscribe as a mail provider makes it (RFC 8058). */
function oneClick(url: string) {
  return unsubscribeRoute.action(
    routeArgs(
      new Request(url.replace("http://rungs.test", "http://localhost"), {
        method: "POST",
        body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
      }),
    ),
  );
}

const preferencesOf = (person: { id: string }) =>
  db.notificationPreference.findUnique({
    where: { userId: person.id },
    select: { nudgeNew: true, nudgeDueSoon: true, nudgeOverdue: true, digest: true },
  });

describe("one reminder email per person per pass", () => {
  test("a manager in the cycle hears of assessing themselves and reviewing their reports in one message, once", async () => {
    const { manager, engineer, peer } = await organisation();
    const cycle = await openCycle(`One ${manager.id}`, [manager.id, engineer.id, peer.id]);
    const from = sink.received.length;
    await pass(TUESDAY);
    const mail = receivedFor(manager, from);
    expect(mail.map((message) => message.mail.subject)).toEqual([
      `New on your to-do list: Assess yourself for ${cycle.name} (and 1 more item)`,
    ]);
    const text = mail[0]!.mail.text!;
    expect(text).toContain(`- Assess yourself for ${cycle.name} (due `);
    expect(text).toContain(`- Review 2 reports for ${cycle.name} (due `);
    expect(mail[0]!.mail.html).toContain(`Review 2 reports for ${cycle.name}</a>`);
    // One kind in it: its one-click link turns off that kind, as any message's does.
    expect(header(mail[0]!.raw, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(text).toContain("Stop these emails: http://rungs.test/unsubscribe?token=");

    expect(await pass(TUESDAY)).toEqual({
      planned: expect.any(Number),
      queued: 0,
      sent: 0,
      retried: 0,
      failed: 0,
    });
    await pass(new Date("2026-11-25T08:00:00Z"));
    expect(receivedFor(manager, from)).toHaveLength(1);
  });

  test("what is new and what is due soon come together; one click stops both kinds, the message says so, and each kind's own link stops only it", async () => {
    const { manager, engineer, peer } = await organisation();
    // Autumn ends on Thursday 26 November: due soon on the Tuesday.
    const autumn = await db.reviewCycle.create({
      data: {
        name: `Autumn ${engineer.id}`,
        startsOn: new Date("2026-11-01"),
        endsOn: new Date("2026-11-26"),
        participants: { create: [engineer, peer].map((person) => ({ userId: person.id })) },
      },
    });
    await pass(TWO_WEEKS_EARLIER);
    const winter = await db.reviewCycle.create({
      data: {
        name: `Winter ${engineer.id}`,
        startsOn: new Date("2026-11-20"),
        endsOn: new Date("2027-01-31"),
        participants: { create: [engineer, peer].map((person) => ({ userId: person.id })) },
      },
    });
    const from = sink.received.length;
    await pass(TUESDAY);
    const mail = receivedFor(engineer, from);
    expect(mail).toHaveLength(1);
    const { text } = mail[0]!.mail;
    expect(mail[0]!.mail.subject).toBe(
      `New on your to-do list: Assess yourself for ${winter.name} (and 1 more item)`,
    );
    expect(text).toContain("Something new is on your to-do list in Rungs.");
    expect(text).toContain(`- Assess yourself for ${winter.name} (due `);
    expect(text).toContain("This item on your to-do list is due soon.");
    expect(text).toContain(`- Assess yourself for ${autumn.name} (due Thu 26 Nov 2026, in 2 days)`);
    expect(text).toContain(
      "You receive this because you chose email about a new item on your to-do list and an item due in two days.",
    );
    expect(text).toContain(
      "Unsubscribing from your mail app stops every kind in this message. To stop one kind only:",
    );
    const kindLink = (label: string) =>
      new RegExp(
        `Stop emails about ${label}: (http://rungs\\.test/unsubscribe\\?token=[\\w.-]+)`,
      ).exec(text ?? "")?.[1];
    expect(kindLink("a new item on your to-do list")).toBeDefined();
    expect(kindLink("an item due in two days")).toBeDefined();
    // The manager's review of both cycles is one message too.
    expect(receivedFor(manager, from)).toHaveLength(1);

    expect(await oneClick(header(mail[0]!.raw, "List-Unsubscribe")!.slice(1, -1))).toEqual({
      done: true,
      kinds: ["nudge-new", "nudge-due-soon"],
    });
    expect(await preferencesOf(engineer)).toEqual({
      nudgeNew: false,
      nudgeDueSoon: false,
      nudgeOverdue: true,
      digest: "weekly",
    });

    // The peer's message has the same links: the one for due-soon items stops only those.
    const peerText = receivedFor(peer, from)[0]!.mail.text!;
    const dueSoonOnly = new RegExp(
      "Stop emails about an item due in two days: (http://rungs\\.test/unsubscribe\\?token=[\\w.-]+)",
    ).exec(peerText)![1]!;
    expect(await oneClick(dueSoonOnly)).toEqual({ done: true, kinds: ["nudge-due-soon"] });
    expect(await preferencesOf(peer)).toEqual({
      nudgeNew: true,
      nudgeDueSoon: false,
      nudgeOverdue: true,
      digest: "weekly",
    });
  });

  test("two app servers passing at once send each person one message", async () => {
    const groups = await Promise.all([1, 2, 3, 4].map(() => organisation()));
    for (const { manager, engineer, peer } of groups)
      await openCycle(`Servers ${manager.id}`, [manager.id, engineer.id, peer.id]);
    const from = sink.received.length;
    const [a, b] = await Promise.all([pass(TUESDAY, "server-a"), pass(TUESDAY, "server-b")]);
    // The manager's manager reviews the manager: four people owed something in each group.
    for (const { boss, manager, engineer, peer } of groups) {
      for (const person of [boss, manager, engineer, peer])
        expect(receivedFor(person, from)).toHaveLength(1);
    }
    expect(a!.sent + b!.sent).toBe(groups.length * 4);
  });
});
