// A key result's weekly check-in reaches its owner by email, read back through a real SMTP server
// (smtp-server, mailparser): told when it first falls due, reminded each later week it falls due,
// and once more when it is late; a check-in stops it.
import { afterAll, beforeAll, expect, test, vi } from "vitest";

vi.hoisted(() => {
  process.env.SMTP_URL = "smtp://127.0.0.1:2525";
  process.env.MAIL_FROM = "Rungs <rungs@example.com>";
  process.env.PUBLIC_URL = "http://rungs.test";
});

import { db } from "~/db/client.server";
import { dateToDay } from "~/modules/days";
import { addKeyResult, checkIn, createObjective, createPeriod } from "~/modules/goals/goals.server";
import { quarterOf } from "~/modules/goals/progress";
import { runNotificationPass } from "~/modules/notifications/outbox.server";
import * as clock from "~/platform/clock.server";
import { createPerson } from "../../utils/factories";
import { startSmtpSink } from "../../utils/smtp-sink";

const DAY = 24 * 60 * 60 * 1000;

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
});

const pass = (at: Date) => runNotificationPass(sink.transport(), { now: () => at });

test("a due check-in is emailed when it falls due, again each week, and once more when late; checking in stops it", async () => {
  const admin = await createPerson({ name: "Ada Admin", isAdmin: true });
  const lena = await createPerson({ name: "Lena Owner", track: "ic", level: "ic2" });
  // Only the reminders: no digest to fold them into.
  await db.notificationPreference.create({ data: { userId: lena.id, digest: "never" } });
  const start = clock.now();
  // A period wide enough for the weeks below whatever today is.
  const quarter = quarterOf(start);
  await createPeriod(admin, {
    name: "Reminders",
    startsOn: dateToDay(quarter.startsOn),
    endsOn: dateToDay(new Date(start.getTime() + 60 * DAY)),
  });
  const period = await db.goalPeriod.findFirstOrThrow({ where: { name: "Reminders" } });
  const objectiveId = await createObjective(lena, {
    periodId: period.id,
    level: "person",
    teamId: null,
    title: "Faster reviews",
    why: "",
    commitment: "committed",
    parentId: null,
  });
  const { id: keyResultId } = await addKeyResult(lena, objectiveId, {
    title: "Review wait in hours",
    kind: "metric",
    unit: "hours",
    direction: "decrease",
    startValue: 30,
    targetValue: 8,
  });
  const title = "Check in on the key result Review wait in hours";
  const subjects = async (at: Date) => {
    const from = sink.received.length;
    await pass(at);
    return sink.received
      .slice(from)
      .filter((message) => message.to.includes(lena.email))
      .map((message) => message.mail.subject);
  };

  // Written with no check-in: due at once, told as new, with the day it is expected by.
  const first = sink.received.length;
  expect(await subjects(new Date(start.getTime() + 60_000))).toEqual([
    `New on your to-do list: ${title}`,
  ]);
  const told = sink.received.slice(first).find((message) => message.to.includes(lena.email))!;
  expect(told.mail.text).toContain(`- ${title} (due `);
  expect(told.mail.text).toContain(`/goals/objectives/${objectiveId}#kr-${keyResultId}`);

  // Checked in: nothing is owed, not even once it would have been late.
  await checkIn(lena, keyResultId, { value: 28, confidence: "onTrack", note: "" });
  expect(await subjects(new Date(start.getTime() + 3 * DAY))).toEqual([]);

  // A week on it falls due again: a reminder, though the item is not new.
  expect(await subjects(new Date(start.getTime() + 7 * DAY + 3_600_000))).toEqual([
    `Due soon: ${title}`,
  ]);
  expect(await subjects(new Date(start.getTime() + 8 * DAY))).toEqual([]);
  // Expected two days after the day it fell due; the day after that, still no check-in: once more, and then no more.
  expect(await subjects(new Date(start.getTime() + 9 * DAY))).toEqual([]);
  expect(await subjects(new Date(start.getTime() + 10 * DAY))).toEqual([`Overdue: ${title}`]);
  expect(await subjects(new Date(start.getTime() + 11 * DAY))).toEqual([]);
});
