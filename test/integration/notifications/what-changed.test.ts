// The reminders' pass works out the lists of the people a change or the clock names, not everyone's
// every five minutes; read back through a real SMTP server (smtp-server, mailparser). The clock the
// database's writes are stamped with is the test's (Date only is faked), so "five minutes later" is.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  process.env.MAIL_FROM = "Rungs <rungs@example.com>";
  process.env.PUBLIC_URL = "http://rungs.test";
  process.env.ORG_TIME_ZONE = "UTC";
});

import { db } from "~/db/client.server";
import { runNotificationPass } from "~/modules/notifications/outbox.server";
import { openCycle, organisation } from "../assessments/assessments-helpers";
import { createPerson } from "../../utils/factories";
import { startSmtpSink } from "../../utils/smtp-sink";

// Tuesday 24 November 2026, 08:00 UTC: no weekly digest is due until Monday.
const TUESDAY = Date.parse("2026-11-24T08:00:00Z");
const MINUTE = 60_000;

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A pass at `at`, with the clock (and so every write's stamp) there too. */
async function passAt(at: number) {
  vi.setSystemTime(at);
  const result = await runNotificationPass(sink.transport(), { now: () => new Date(at) });
  return result!;
}

function subjectsFor(person: { email: string }, from: number): string[] {
  return sink.received
    .slice(from)
    .filter((message) => message.to.includes(person.email))
    .map((message) => message.mail.subject ?? "");
}

describe("the reminders' pass plans what changed", () => {
  test("after the first pass, only the people a write, a cycle's first day or their own schedule names are planned", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(TUESDAY - 60 * MINUTE);
    const { boss, manager, engineer, peer, admin } = await organisation();
    const bystanders = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        createPerson({ name: `Bystander ${index}`, track: "ic", level: "ic2" }),
      ),
    );
    const everyone = await db.user.count({ where: { deactivatedAt: null } });
    expect(everyone).toBe(5 + bystanders.length);

    // The first pass knows no schedule: everyone.
    expect((await passAt(TUESDAY)).planned).toBe(everyone);
    // Nothing written since, nobody's digest or due date come: nobody.
    expect(await passAt(TUESDAY + 10 * MINUTE)).toMatchObject({ planned: 0, queued: 0 });

    // A cycle opens for the manager and the two reports: they, the managers above them and the admin.
    vi.setSystemTime(TUESDAY + 12 * MINUTE);
    const cycle = await openCycle(`Changed ${engineer.id}`, [manager.id, engineer.id, peer.id]);
    let from = sink.received.length;
    expect((await passAt(TUESDAY + 20 * MINUTE)).planned).toBe(
      new Set([manager.id, engineer.id, peer.id, boss.id, admin.id]).size,
    );
    expect(subjectsFor(engineer, from)).toEqual([
      `New on your to-do list: Assess yourself for ${cycle.name}`,
    ]);
    for (const person of bystanders) expect(subjectsFor(person, from)).toEqual([]);
    // Read once: the next pass reads writes from a little before the last one began, not these.
    expect(await passAt(TUESDAY + 30 * MINUTE)).toMatchObject({ planned: 0, queued: 0 });

    // A cycle written today that starts on Thursday: its people are named again on Thursday, by the clock alone.
    vi.setSystemTime(TUESDAY + 32 * MINUTE);
    const thursday = await openCycle(
      `Thursday ${engineer.id}`,
      [bystanders[0]!.id, bystanders[1]!.id],
      false,
      new Date("2026-11-26T00:00:00Z"),
    );
    expect((await passAt(TUESDAY + 40 * MINUTE)).planned).toBe(3); // the two (nothing to do yet) and the admin
    expect(await passAt(TUESDAY + 50 * MINUTE)).toMatchObject({ planned: 0, queued: 0 });
    from = sink.received.length;
    const result = await passAt(Date.parse("2026-11-26T00:05:00Z"));
    expect(result.planned).toBe(3);
    expect(subjectsFor(bystanders[0]!, from)).toEqual([
      `New on your to-do list: Assess yourself for ${thursday.name}`,
    ]);
    expect(subjectsFor(bystanders[2]!, from)).toEqual([]);

    // Monday 09:00 on everyone's clock: the weekly digest is due for all (it goes to those with something to do).
    expect(await passAt(Date.parse("2026-11-30T08:55:00Z"))).toMatchObject({ planned: 0 });
    from = sink.received.length;
    expect((await passAt(Date.parse("2026-11-30T09:01:00Z"))).planned).toBe(everyone);
    expect(subjectsFor(engineer, from)).toEqual(["Your Rungs to-do list: 1 item"]);
    expect(subjectsFor(bystanders[5]!, from)).toEqual([]);
    expect(await passAt(Date.parse("2026-11-30T09:15:00Z"))).toMatchObject({
      planned: 0,
      queued: 0,
    });
  });
});
