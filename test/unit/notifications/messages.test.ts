import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { afterFailure, retryDelayMs, MAX_ATTEMPTS } from "~/modules/notifications/delivery";
import {
  preferencesFormSchema,
  wants,
  withoutKind,
  DEFAULT_PREFERENCES,
} from "~/modules/notifications/preferences";
import type { MessageSection } from "~/modules/notifications/plan";
import { dueText, renderMessage } from "~/modules/notifications/render";
import { voiceIn } from "~/modules/notifications/voice.server";
import { wordsOf } from "~/i18n/messages";
import { isTimeZone, localTime } from "~/modules/time-zones";
import { readUnsubscribeToken, unsubscribeToken } from "~/modules/notifications/unsubscribe-token";
import type { TodoItem } from "~/modules/todo/todo";

const links = {
  base: "https://rungs.example.com",
  unsubscribe: "https://rungs.example.com/unsubscribe?token=t",
  settings: "https://rungs.example.com/settings/email",
};
const english = voiceIn("en", "UTC");
const item: TodoItem = {
  key: "k",
  kind: "scorecard",
  title: { key: "home:todo.hiring.debrief.title", values: { opening: "<Ada & Co>" } },
  detail: [{ key: "home:todo.hiring.candidate", values: { candidate: "private detail" } }],
  href: "/hiring/interviews/i1",
  due: new Date("2026-11-25T00:00:00Z"),
  daysLeft: 2,
};

describe("a reminder as an email", () => {
  test("says what, by when and where, in text and HTML, escaped; leaves the item's detail out", () => {
    const message = renderMessage(
      [{ kind: "nudge-due-soon", items: [item] }],
      "Lena",
      links,
      english,
    );
    expect(message.subject).toBe("Due soon: Debrief for <Ada & Co>");
    expect(message.text).toContain(
      "- Debrief for <Ada & Co> (due Wed 25 Nov 2026, in 2 days)\n  https://rungs.example.com/hiring/interviews/i1",
    );
    expect(message.text).toContain(`Stop these emails: ${links.unsubscribe}`);
    expect(message.html).toContain(
      '<a href="https://rungs.example.com/hiring/interviews/i1" style="color:#1d4ed8;text-decoration:underline">Debrief for &lt;Ada &amp; Co&gt;</a>',
    );
    expect(message.html).toContain('<html lang="en">');
    expect(message.html).toContain('<meta name="color-scheme" content="light dark">');
    expect(`${message.text}${message.html}`).not.toContain("private detail");
  });

  test("what one pass owes a person is one email: each kind under its own line, one link per kind, and the one-click link stops them all", () => {
    const review: TodoItem = {
      ...item,
      key: "r",
      kind: "manager-review",
      title: { key: "home:todo.managerReview.titleMany", values: { count: 2, cycle: "Spring" } },
      href: "/team",
      daysLeft: 8,
    };
    const due: TodoItem = {
      ...item,
      key: "s",
      kind: "self-assessment",
      title: { key: "home:todo.selfAssessment.title", values: { cycle: "Autumn" } },
      href: "/assess",
      daysLeft: 1,
    };
    const kinds = {
      "nudge-new": "https://rungs.example.com/unsubscribe?token=new",
      "nudge-due-soon": "https://rungs.example.com/unsubscribe?token=soon",
    };
    const message = renderMessage(
      [
        { kind: "nudge-new", items: [item, review] },
        { kind: "nudge-due-soon", items: [due] },
      ],
      "Lena",
      { ...links, kinds },
      english,
    );
    expect(message.subject).toBe(
      "New on your to-do list: Debrief for <Ada & Co> (and 2 more items)",
    );
    expect(message.text.split("\n")).toEqual([
      "Hello Lena,",
      "",
      "Something new is on your to-do list in Rungs.",
      "",
      "- Debrief for <Ada & Co> (due Wed 25 Nov 2026, in 2 days)",
      "  https://rungs.example.com/hiring/interviews/i1",
      "- Review 2 reports for Spring (due Wed 25 Nov 2026, in 8 days)",
      "  https://rungs.example.com/team",
      "",
      "This item on your to-do list is due soon.",
      "",
      "- Assess yourself for Autumn (due tomorrow, Wed 25 Nov 2026)",
      "  https://rungs.example.com/assess",
      "",
      "You receive this because you chose email about a new item on your to-do list and an item due in two days.",
      `Choose what Rungs sends you: ${links.settings}`,
      "Unsubscribing from your mail app stops every kind in this message. To stop one kind only:",
      `Stop emails about a new item on your to-do list: ${kinds["nudge-new"]}`,
      `Stop emails about an item due in two days: ${kinds["nudge-due-soon"]}`,
      "",
    ]);
    expect(message.html).toContain("<p>This item on your to-do list is due soon.</p>");
    expect(message.html).toContain(
      `<a href="${kinds["nudge-due-soon"]}" style="color:#1d4ed8;text-decoration:underline">stop emails about an item due in two days</a>`,
    );
    expect(`${message.text}${message.html}`).not.toContain("private detail");
  });

  test("in the recipient's language: counts in its plural forms, and the links of several kinds where its sentence puts them", () => {
    const review: TodoItem = {
      ...item,
      key: "r",
      kind: "manager-review",
      title: { key: "home:todo.managerReview.titleMany", values: { count: 2, cycle: "Spring" } },
      href: "/team",
      daysLeft: 8,
    };
    const due: TodoItem = {
      ...item,
      key: "s",
      kind: "self-assessment",
      title: { key: "home:todo.selfAssessment.title", values: { cycle: "Autumn" } },
      href: "/assess",
      daysLeft: 1,
    };
    const kinds = {
      "nudge-new": "https://rungs.example.com/unsubscribe?token=new",
      "nudge-due-soon": "https://rungs.example.com/unsubscribe?token=soon",
    };
    const sections: [MessageSection, MessageSection] = [
      { kind: "nudge-new", items: [item, review] },
      { kind: "nudge-due-soon", items: [due] },
    ];
    const arabic = renderMessage(sections, "Amal", { ...links, kinds }, voiceIn("ar", "UTC"));
    expect(arabic.subject).toBe("جديد في قائمة مهامك: جلسة المراجعة لـ<Ada & Co> (وعنصران آخران)");
    expect(arabic.text).toContain(
      "- أجرِ تقييمك الذاتي في Autumn (موعده غدًا، الأربعاء 25\u200f/11\u200f/2026)",
    );
    const german = renderMessage(sections, "Greta", { ...links, kinds }, voiceIn("de", "UTC"));
    const link = (url: string, words: string) =>
      `<a href="${url.replace("&", "&amp;")}" style="color:#1d4ed8;text-decoration:underline">${words}</a>`;
    expect(german.html).toContain(
      `${link(links.settings, "Wählen Sie, was Rungs Ihnen sendet")}. Eine Abbestellung über Ihr E-Mail-Programm beendet alle Arten von E-Mails, die in dieser Nachricht zusammengefasst sind. Nur eine Art abbestellen: ${link(kinds["nudge-new"], "E-Mails über eine neue Aufgabe auf Ihrer Liste abbestellen")} und ${link(kinds["nudge-due-soon"], "E-Mails über eine in zwei Tagen fällige Aufgabe abbestellen")}.`,
    );
    expect(german.html).toContain(
      `<a href="https://rungs.example.com/hiring/interviews/i1" style="color:#1d4ed8;text-decoration:underline">Debriefing für &lt;Ada &amp; Co&gt;</a><br>fällig am Mi, 25.11.2026, in 2 Tagen</li>`,
    );
  });

  test("due dates in words", () => {
    const due = new Date("2026-11-25T00:00:00Z");
    expect(dueText({ due, daysLeft: 0 }, english)).toBe("due today, Wed 25 Nov 2026");
    expect(dueText({ due, daysLeft: 1 }, english)).toBe("due tomorrow, Wed 25 Nov 2026");
    expect(dueText({ due, daysLeft: -1 }, english)).toBe("was due Wed 25 Nov 2026, 1 day ago");
    expect(dueText({ due: null, daysLeft: null }, english)).toBe("no due date");
  });
});

describe("one-click unsubscribe links", () => {
  test("name one person and one kind, and only with the key that signed them", () => {
    const token = unsubscribeToken("key-1", "person-1", ["digest"]);
    expect(readUnsubscribeToken("key-1", token)).toEqual({
      personId: "person-1",
      kinds: ["digest"],
    });
    expect(readUnsubscribeToken("key-2", token)).toBeNull();
    const [, signature] = token.split(".");
    const forged = `${Buffer.from("person-2:digest").toString("base64url")}.${signature}`;
    expect(readUnsubscribeToken("key-1", forged)).toBeNull();
    expect(readUnsubscribeToken("key-1", "")).toBeNull();
    expect(
      readUnsubscribeToken(
        "key-1",
        `${Buffer.from("person-1:everything").toString("base64url")}.${signature}`,
      ),
    ).toBeNull();
  });

  test("an email of several kinds names them all, signed together: none can be added or taken away", () => {
    const token = unsubscribeToken("key-1", "person-1", ["nudge-new", "nudge-due-soon"]);
    expect(readUnsubscribeToken("key-1", token)).toEqual({
      personId: "person-1",
      kinds: ["nudge-new", "nudge-due-soon"],
    });
    const [, signature] = token.split(".");
    for (const named of [
      "person-1:nudge-new",
      "person-1:nudge-new+nudge-due-soon+digest",
      "person-1:nudge-new+nudge-new",
    ]) {
      expect(
        readUnsubscribeToken("key-1", `${Buffer.from(named).toString("base64url")}.${signature}`),
      ).toBeNull();
    }
    // A link sent before emails were combined, signed over one kind as it was then, still works.
    const before = `${Buffer.from("person-1:nudge-new").toString("base64url")}.${createHmac("sha256", "key-1").update("unsubscribe\nperson-1\nnudge-new").digest("base64url")}`;
    expect(readUnsubscribeToken("key-1", before)).toEqual({
      personId: "person-1",
      kinds: ["nudge-new"],
    });
  });

  test("turn off that kind only", () => {
    expect(withoutKind("digest")).toEqual({ digest: "never" });
    expect(withoutKind("nudge-overdue")).toEqual({ nudgeOverdue: false });
    const after = { ...DEFAULT_PREFERENCES, ...withoutKind("nudge-overdue") };
    expect([
      wants(after, "nudge-overdue"),
      wants(after, "nudge-new"),
      wants(after, "digest"),
    ]).toEqual([false, true, true]);
  });
});

describe("SMTP answers", () => {
  test("4xx and no answer are retried with growing waits; 5xx fails with the server's words", () => {
    const now = new Date("2026-11-23T10:00:00Z");
    expect(
      afterFailure(
        { responseCode: 421, response: "421 4.3.2 Try again later", message: "x" },
        1,
        now,
      ),
    ).toEqual({
      status: "retry",
      nextAttemptAt: new Date("2026-11-23T10:01:00Z"),
      reason: "421 4.3.2 Try again later",
    });
    expect(
      afterFailure({ code: "ESOCKET", message: "connect ECONNREFUSED 127.0.0.1:25" }, 2, now),
    ).toMatchObject({ status: "retry", reason: "ESOCKET: connect ECONNREFUSED 127.0.0.1:25" });
    expect(
      afterFailure({ responseCode: 550, response: "550 5.1.1 No such user", message: "x" }, 1, now),
    ).toEqual({ status: "failed", reason: "550 5.1.1 No such user" });
    expect(afterFailure({ responseCode: 451, message: "x" }, MAX_ATTEMPTS, now).status).toBe(
      "failed",
    );
    expect([1, 2, 3, 20].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 6 * 60 * 60 * 1000]);
  });
});

describe("time zones and the settings form", () => {
  test("named zones are checked with Intl and read on the zone's clock", () => {
    expect([
      isTimeZone("Europe/Berlin"),
      isTimeZone("UTC"),
      isTimeZone("Mars/Olympus"),
      isTimeZone(""),
    ]).toEqual([true, true, false, false]);
    expect(localTime(new Date("2026-11-22T23:30:00Z"), "Europe/Berlin")).toEqual({
      date: "2026-11-23",
      weekday: 1,
      hour: 0,
      minute: 30,
    });
  });

  test("the form refuses an unknown zone and a frequency that is not offered, and reads unchecked boxes as off", () => {
    expect(
      wordsOf(
        english.t,
        preferencesFormSchema.safeParse({ digest: "daily", timeZone: "Mars/Olympus" }).error
          ?.issues[0]?.message ?? "",
      ),
    ).toBe("Choose a time zone from the list, for example Europe/Berlin.");
    expect(preferencesFormSchema.safeParse({ digest: "hourly" }).success).toBe(false);
    expect(preferencesFormSchema.parse({ digest: "daily", nudgeNew: "on", timeZone: "" })).toEqual({
      digest: "daily",
      nudgeNew: true,
      nudgeDueSoon: false,
      nudgeOverdue: false,
      nudgeScorecard: false,
      invitations: false,
      paused: false,
      timeZone: null,
    });
  });
});
