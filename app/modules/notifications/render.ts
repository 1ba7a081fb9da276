import type { TFunction } from "i18next";
import type { Formats } from "~/i18n/format";
import { directionOf, type PageLanguage } from "~/i18n/languages";
import { wordsOf, type Message } from "~/i18n/messages";
import type { TodoItem } from "~/modules/todo/todo";
import { eventKind } from "~/platform/calendar";
import type { MessageSection } from "./plan";
import type { MessageKind } from "./preferences";

/**
 * A reminder as an email, in plain text and HTML: pure. It says what to do, by when, and
 * links to the page; it carries nothing private (no ratings, notes, scores or outcomes):
 * only each item's title, its due date and its link. The HTML is one heading, a list and
 * links, in the reader's own colours, so it reads in dark mode and with a screen reader.
 * Its words are in the recipient's language (the `email` messages), its dates on their clock; an
 * item's title is the to-do list's own message (`home:todo`), worded in the same language.
 */

/**
 * Where a message points: the app, the settings page, and one-click unsubscribe. A message of
 * several kinds has one link per kind (`kinds`), and its one-click link turns off every kind in it.
 */
export type Links = {
  base: string;
  unsubscribe: string;
  settings: string;
  kinds?: Partial<Record<MessageKind, string>>;
};
export type RenderedMessage = { subject: string; text: string; html: string };

/** The recipient's language: its words (the `email` messages) and its formatters on the recipient's clock (voice.server.ts makes one). */
export type Voice = { language: PageLanguage; t: TFunction<"email">; f: Formats };

/** Each kind's part of a message key; the settings page words the kinds with its own. */
const KIND_KEYS = {
  digest: "digest",
  "nudge-new": "nudgeNew",
  "nudge-due-soon": "nudgeDueSoon",
  "nudge-overdue": "nudgeOverdue",
  "nudge-scorecard": "nudgeScorecard",
  invitation: "invitation",
} as const satisfies Record<MessageKind, string>;

export function dueText(item: Pick<TodoItem, "due" | "daysLeft">, { t, f }: Voice): string {
  if (!item.due || item.daysLeft === null) return t("due.none");
  const day = { weekday: f.weekday(item.due), day: f.day(item.due) };
  if (item.daysLeft === 0) return t("due.today", day);
  if (item.daysLeft === 1) return t("due.tomorrow", day);
  if (item.daysLeft > 1) return t("due.ahead", { ...day, days: item.daysLeft });
  return t("due.past", { ...day, days: -item.daysLeft });
}

/** A to-do item's title in the recipient's language. */
const titleOf = (item: Pick<TodoItem, "title">, { t }: Voice) => wordsOf(t, item.title);

function subjectOf(kind: MessageKind, items: TodoItem[], voice: Voice): string {
  return voice.t(`reminder.subject.${KIND_KEYS[kind]}`, {
    title: items[0] ? titleOf(items[0], voice) : "",
    count: items.length,
  });
}

function introOf(kind: MessageKind, count: number, { t }: Voice): string {
  return t(`reminder.intro.${KIND_KEYS[kind]}`, { count });
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!,
  );
}

export function absoluteLink(base: string, href: string): string {
  return new URL(href, base.endsWith("/") ? base : `${base}/`).toString();
}

/**
 * The reminders a pass owes a person, as one email: each kind's items under its own line. With
 * several kinds, the message names each with a link that stops only it, and says that unsubscribing
 * from the mail app (the one-click header) stops every kind in the message.
 */
export function renderMessage(
  sections: readonly [MessageSection, ...MessageSection[]],
  personName: string,
  links: Links,
  voice: Voice,
): RenderedMessage {
  const { t, f } = voice;
  const [first, ...rest] = sections;
  const total = sections.reduce((sum, section) => sum + section.items.length, 0);
  // The digest's subject counts its items; any other names the first and how many more come with it.
  const subject =
    first.kind !== "digest" && total > 1
      ? t("reminder.subject.andMore", {
          subject: subjectOf(first.kind, first.items, voice),
          count: total - 1,
        })
      : subjectOf(first.kind, first.items, voice);
  const parts = sections.map((section) => ({
    intro: introOf(section.kind, section.items.length, voice),
    entries: section.items.map((item) => ({
      title: titleOf(item, voice),
      due: dueText(item, voice),
      url: absoluteLink(links.base, item.href),
    })),
  }));
  const kinds = sections.map((section) => ({
    label: t(`kinds.${KIND_KEYS[section.kind]}`),
    url: links.kinds?.[section.kind] ?? links.unsubscribe,
  }));
  const why = t("footer.why", { kinds: f.list(kinds.map((kind) => kind.label)) });

  const text = [
    t("greeting", { name: personName }),
    ...parts.flatMap((part) => [
      "",
      part.intro,
      "",
      ...part.entries.flatMap((entry) => [
        t("reminder.item", { title: entry.title, due: entry.due }),
        `  ${entry.url}`,
      ]),
    ]),
    "",
    why,
    t("footer.choose", { url: links.settings }),
    ...(rest.length
      ? [
          t("footer.several"),
          ...kinds.map((kind) => t("footer.stopKind", { kind: kind.label, url: kind.url })),
        ]
      : [t("footer.stop", { url: links.unsubscribe })]),
    "",
  ].join("\n");

  const list = (entries: (typeof parts)[number]["entries"]) => `<ul>
${entries.map((entry) => `<li style="margin-bottom:12px"><a href="${escapeHtml(entry.url)}" style="${LINK_STYLE}">${escapeHtml(entry.title)}</a><br>${escapeHtml(entry.due)}</li>`).join("\n")}
</ul>`;
  const content = parts
    .map((part, index) =>
      index === 0 ? list(part.entries) : `<p>${escapeHtml(part.intro)}</p>\n${list(part.entries)}`,
    )
    .join("\n");
  return {
    subject,
    text,
    html: htmlMessage(
      {
        subject,
        personName,
        intro: parts[0]!.intro,
        content,
        why,
        links,
        kindLinks: rest.length ? kinds : null,
      },
      voice,
    ),
  };
}

/** Whose intros an event's invitation takes, by the event's kind; a candidate's contact has intros of its own. */
const INTRO_GROUPS = {
  interview: "interview",
  calibration: "meeting",
  conversation: "conversation",
  committee: "committee",
} as const;

/** A rendered invitation, and the words of its iCalendar event in the same language. */
export type RenderedInvitation = RenderedMessage & {
  calendar: { summary: string; description: string | null };
};

/**
 * A calendar invitation's email: the interview, calibration meeting, career conversation or promotion committee meeting, when on the person's own
 * clock, and the link to its page. `links` null: to a candidate's contact, who is not a person in
 * Rungs: no link into Rungs, no choices or unsubscribe, only the stage, the time and the opening.
 * `summary` is the event's (the slot's; null for a cancellation, which has none).
 */
export function renderInvitation(
  invitation: {
    eventId: string;
    method: "REQUEST" | "CANCEL";
    sequence: number;
    startsAt: Date;
    summary: Message | null;
    href: string | null;
  },
  personName: string,
  links: Links | null,
  voice: Voice,
): RenderedInvitation {
  const { t, f } = voice;
  const when = f.dateTime(invitation.startsAt, "full");
  const kind = eventKind(invitation.eventId);
  const named = invitation.summary ? wordsOf(t, invitation.summary) : null;
  const what = named ?? t(`invitation.fallback.${kind}`);
  const change =
    invitation.method === "CANCEL" ? "cancelled" : invitation.sequence > 0 ? "moved" : "new";
  const subject = t(`invitation.subject.${change}`, { what, when });
  const intro = t(`invitation.intro.${links ? INTRO_GROUPS[kind] : "candidate"}.${change}`);
  const url = invitation.href && links ? absoluteLink(links.base, invitation.href) : null;
  const label = t(`calendar.link.${kind}`);
  const linkLine = url ? t("calendar.linkLine", { label, url }) : null;
  const why = links
    ? t("footer.why", { kinds: t("kinds.invitation") })
    : t("invitation.whyCandidate");
  const text = [
    t("greeting", { name: personName }),
    "",
    intro,
    "",
    t("invitation.when", { what, when }),
    ...(linkLine ? [linkLine] : []),
    "",
    why,
    ...(links
      ? [t("footer.choose", { url: links.settings }), t("footer.stop", { url: links.unsubscribe })]
      : []),
    "",
  ].join("\n");
  const content = `<p><strong>${escapeHtml(what)}</strong><br>${escapeHtml(when)}</p>
${url ? `<p><a href="${escapeHtml(url)}" style="${LINK_STYLE}">${escapeHtml(label)}</a></p>` : ""}`;
  return {
    subject,
    text,
    html: htmlMessage({ subject, personName, intro, content, why, links }, voice),
    calendar: { summary: named ?? t(`calendar.cancelled.${kind}`), description: linkLine },
  };
}

const LINK_STYLE = "color:#1d4ed8;text-decoration:underline";

/** What a notice tells: something done to what is the person's own, by someone else. */
export type Notice = {
  kind: "tokenRevoked";
  tokenName: string;
  by: string;
  at: Date;
  href: string;
};

/**
 * A notice as an email: what was done, by whom and when on the person's clock, and the page where
 * they see it. No choices or unsubscribe link: a person cannot turn off being told that a
 * credential of theirs stopped working.
 */
export function renderNotice(
  notice: Notice,
  personName: string,
  base: string,
  voice: Voice,
): RenderedMessage {
  const { t, f } = voice;
  const values = { name: notice.tokenName, by: notice.by, when: f.dateTime(notice.at) };
  const subject = t(`notice.${notice.kind}.subject`, values);
  const intro = t(`notice.${notice.kind}.intro`, values);
  const url = absoluteLink(base, notice.href);
  const label = t(`notice.${notice.kind}.link`);
  const why = t(`notice.${notice.kind}.why`);
  const text = [
    t("greeting", { name: personName }),
    "",
    intro,
    "",
    t("notice.linkLine", { label, url }),
    "",
    why,
    "",
  ].join("\n");
  const content = `<p><a href="${escapeHtml(url)}" style="${LINK_STYLE}">${escapeHtml(label)}</a></p>`;
  return {
    subject,
    text,
    html: htmlMessage({ subject, personName, intro, content, why, links: null }, voice),
  };
}

/**
 * Words with links inside: the message is worded with a stand-in for each link, escaped, and each
 * stand-in replaced by its anchor, so a language puts the links where its sentence needs them.
 */
function withLinks<Name extends string>(
  word: (standIns: Record<Name, string>) => string,
  anchors: Record<Name, string>,
): string {
  const standIn = (name: string) => `\u0000${name}\u0000`;
  const names = Object.keys(anchors) as Name[];
  const worded = escapeHtml(
    word(Object.fromEntries(names.map((name) => [name, standIn(name)])) as Record<Name, string>),
  );
  return names.reduce((html, name) => html.replaceAll(standIn(name), anchors[name]), worded);
}

/**
 * Every message's HTML: one frame (a heading, the greeting and the message's own content, then
 * why it came and, for people in Rungs, where to choose what they receive), readable in dark
 * mode and by screen readers (a language, a title, a main landmark, real links), right to left in
 * Arabic.
 */
function htmlMessage(
  message: {
    subject: string;
    personName: string;
    intro: string;
    content: string;
    why: string;
    links: { settings: string; unsubscribe: string } | null;
    kindLinks?: { label: string; url: string }[] | null;
  },
  { language, t, f }: Voice,
): string {
  const { subject, personName, intro, content, why, links, kindLinks } = message;
  const link = (url: string, text: string) =>
    `<a href="${escapeHtml(url)}" style="${LINK_STYLE}">${escapeHtml(text)}</a>`;
  const choices = !links
    ? ""
    : kindLinks
      ? ` ${withLinks<string>(
          (words) =>
            t("footer.html.several", {
              choose: words.choose,
              stops: f.list(kindLinks.map((_, index) => words[`stop${index}`]!)),
            }),
          {
            choose: link(links.settings, t("footer.html.choose")),
            ...Object.fromEntries(
              kindLinks.map((kind, index) => [
                `stop${index}`,
                link(kind.url, t("footer.html.stopKind", { kind: kind.label })),
              ]),
            ),
          },
        )}`
      : ` ${withLinks((words) => t("footer.html.one", { choose: words.choose, stop: words.stop }), { choose: link(links.settings, t("footer.html.choose")), stop: link(links.unsubscribe, t("footer.html.stop")) })}`;
  // Left to right is every client's default; only Arabic says its direction.
  const direction = directionOf(language) === "rtl" ? ' dir="rtl"' : "";
  return `<!doctype html>
<html lang="${language}"${direction}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${escapeHtml(subject)}</title>
<style>
:root { color-scheme: light dark; }
@media (prefers-color-scheme: dark) { a { color: #93c5fd !important; } }
</style>
</head>
<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5">
<main${direction}>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(subject)}</h1>
<p>${escapeHtml(t("greeting", { name: personName }))}</p>
<p>${escapeHtml(intro)}</p>
${content}
<hr>
<p style="font-size:14px">${escapeHtml(why)}${choices}</p>
</main>
</body>
</html>
`;
}
