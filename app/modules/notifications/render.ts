import { formatDateTime } from "~/modules/time-zones";
import type { TodoItem } from "~/modules/todo/todo";
import { eventKind, linkLabel } from "./invitations";
import type { MessageSection } from "./plan";
import { KIND_LABELS, type MessageKind } from "./preferences";
import { plural } from "~/utils/plural";
import { translatorOf } from "~/i18n/i18n.server";
import { wordsOf } from "~/i18n/messages";

/** A to-do item's title in words: English, the language emails are written in for now. */
const titleOf = (item: Pick<TodoItem, "title">) => wordsOf(translatorOf(undefined), item.title);

/**
 * A reminder as an email, in plain text and HTML: pure. It says what to do, by when, and
 * links to the page; it carries nothing private (no ratings, notes, scores or outcomes):
 * only each item's title, its due date and its link. The HTML is one heading, a list and
 * links, in the reader's own colours, so it reads in dark mode and with a screen reader.
 */

/**
 * Where a message points: the app, the settings page, and one-click unsubscribe. A message of
 * several kinds has one link per kind (`kinds`), and its one-click link turns off every kind in it.
 */
export type Links = { base: string; unsubscribe: string; settings: string; kinds?: Partial<Record<MessageKind, string>> };
export type RenderedMessage = { subject: string; text: string; html: string };

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dayText = (date: Date) => dayFormat.format(date).replace(",", "");

export function dueText(item: Pick<TodoItem, "due" | "daysLeft">): string {
  if (!item.due || item.daysLeft === null) return "no due date";
  const day = dayText(item.due);
  if (item.daysLeft === 0) return `due today, ${day}`;
  if (item.daysLeft === 1) return `due tomorrow, ${day}`;
  if (item.daysLeft > 1) return `due ${day}, in ${plural(item.daysLeft, "# day")}`;
  return `was due ${day}, ${plural(-item.daysLeft, "# day")} ago`;
}

function subjectOf(kind: MessageKind, items: TodoItem[]): string {
  const first = items[0];
  switch (kind) {
    case "digest":
      return `Your Rungs to-do list: ${plural(items.length, "# item")}`;
    case "nudge-new":
      return `New on your to-do list: ${first ? titleOf(first) : ""}`;
    case "nudge-due-soon":
      return `Due soon: ${first ? titleOf(first) : ""}`;
    case "nudge-overdue":
      return `Overdue: ${first ? titleOf(first) : ""}`;
    case "nudge-scorecard":
      return `Still owed a day after the interview: ${first ? titleOf(first) : ""}`;
    case "invitation":
      return `Interview: ${first ? titleOf(first) : ""}`;
  }
}

function introOf(kind: MessageKind, count: number): string {
  switch (kind) {
    case "digest":
      return "Here is what Rungs has on your to-do list.";
    case "nudge-new":
      return "Something new is on your to-do list in Rungs.";
    case "nudge-due-soon":
      return plural(count, "This item on your to-do list is due soon.");
    case "nudge-overdue":
      return plural(count, "This item on your to-do list is past its due date.");
    case "nudge-scorecard":
      return `${plural(count, "Your scorecard for this interview is not in yet.")} Evidence fades fast: write it while you remember.`;
    case "invitation":
      return "An interview of yours is coming up.";
  }
}

const and = new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" });

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

export function absoluteLink(base: string, href: string): string {
  return new URL(href, base.endsWith("/") ? base : `${base}/`).toString();
}

/**
 * The reminders a pass owes a person, as one email: each kind's items under its own line. With
 * several kinds, the message names each with a link that stops only it, and says that unsubscribing
 * from the mail app (the one-click header) stops every kind in the message.
 */
export function renderMessage(sections: readonly [MessageSection, ...MessageSection[]], personName: string, links: Links): RenderedMessage {
  const [first, ...rest] = sections;
  const total = sections.reduce((sum, section) => sum + section.items.length, 0);
  // The digest's subject counts its items; any other names the first and how many more come with it.
  const subject = first.kind !== "digest" && total > 1 ? `${subjectOf(first.kind, first.items)} (and ${plural(total - 1, "# more item")})` : subjectOf(first.kind, first.items);
  const parts = sections.map((section) => ({
    intro: introOf(section.kind, section.items.length),
    entries: section.items.map((item) => ({ title: titleOf(item), due: dueText(item), url: absoluteLink(links.base, item.href) })),
  }));
  const kinds = sections.map((section) => ({ label: KIND_LABELS[section.kind], url: links.kinds?.[section.kind] ?? links.unsubscribe }));
  const why = `You receive this because you chose email about ${and.format(kinds.map((kind) => kind.label))}.`;

  const text = [
    `Hello ${personName},`,
    ...parts.flatMap((part) => ["", part.intro, "", ...part.entries.flatMap((entry) => [`- ${entry.title} (${entry.due})`, `  ${entry.url}`])]),
    "",
    why,
    `Choose what Rungs sends you: ${links.settings}`,
    ...(rest.length
      ? [`Unsubscribing from your mail app stops every kind in this message. To stop one kind only:`, ...kinds.map((kind) => `Stop emails about ${kind.label}: ${kind.url}`)]
      : [`Stop these emails: ${links.unsubscribe}`]),
    "",
  ].join("\n");

  const list = (entries: (typeof parts)[number]["entries"]) => `<ul>
${entries.map((entry) => `<li style="margin-bottom:12px"><a href="${escapeHtml(entry.url)}" style="${LINK_STYLE}">${escapeHtml(entry.title)}</a><br>${escapeHtml(entry.due)}</li>`).join("\n")}
</ul>`;
  const content = parts.map((part, index) => (index === 0 ? list(part.entries) : `<p>${escapeHtml(part.intro)}</p>\n${list(part.entries)}`)).join("\n");
  return { subject, text, html: htmlMessage({ subject, personName, intro: parts[0]!.intro, content, why, links, kindLinks: rest.length ? kinds : null }) };
}

const INTRO = {
  interview: {
    CANCEL: "You are no longer interviewing at this time; the invitation attached takes it out of your calendar.",
    moved: "Your interview has moved; the invitation attached updates your calendar.",
    REQUEST: "You are interviewing; the invitation attached adds it to your calendar.",
  },
  meeting: {
    CANCEL: "The calibration meeting has been removed; the invitation attached takes it out of your calendar.",
    moved: "The calibration meeting has moved; the invitation attached updates your calendar.",
    REQUEST: "You take part in this calibration meeting; the invitation attached adds it to your calendar.",
  },
  conversation: {
    CANCEL: "This meeting no longer takes place; the invitation attached takes it out of your calendar.",
    moved: "This meeting has moved; the invitation attached updates your calendar.",
    REQUEST: "Your next career conversation is set; the invitation attached adds it to your calendar. Either of you can add to the agenda before it.",
  },
  candidate: {
    CANCEL: "This interview no longer takes place at this time; the invitation attached takes it out of your calendar.",
    moved: "Your interview has moved; the invitation attached updates your calendar.",
    REQUEST: "Your interview is scheduled; the invitation attached adds it to your calendar.",
  },
} as const;

/**
 * A calendar invitation's email: the interview, calibration meeting or career conversation, when on the person's own
 * clock, and the link to its page. `links` null: to a candidate's contact, who is not a person in
 * Rungs: no link into Rungs, no choices or unsubscribe, only the stage, the time and the opening.
 */
export function renderInvitation(
  invitation: { eventId: string; method: "REQUEST" | "CANCEL"; sequence: number; startsAt: Date; summary: string | null; href: string | null },
  personName: string,
  timeZone: string,
  links: Links | null,
): RenderedMessage {
  const when = formatDateTime(invitation.startsAt, timeZone, "full");
  const kind = eventKind(invitation.eventId);
  const what = invitation.summary ?? FALLBACK_SUMMARY[kind];
  const subject = invitation.method === "CANCEL" ? `Cancelled: ${what}, ${when}` : `${invitation.sequence > 0 ? "Moved" : "Invitation"}: ${what}, ${when}`;
  const intros = INTRO[!links ? "candidate" : kind === "calibration" ? "meeting" : kind];
  const intro = invitation.method === "CANCEL" ? intros.CANCEL : invitation.sequence > 0 ? intros.moved : intros.REQUEST;
  const url = invitation.href && links ? absoluteLink(links.base, invitation.href) : null;
  const label = linkLabel(invitation.eventId);
  const why = links ? `You receive this because you chose email about ${KIND_LABELS.invitation}.` : "You receive this because the hiring team asked for your interviews to be sent to your calendar.";
  const text = [
    `Hello ${personName},`,
    "",
    intro,
    "",
    `${what}: ${when}`,
    ...(url ? [`${label}: ${url}`] : []),
    "",
    why,
    ...(links ? [`Choose what Rungs sends you: ${links.settings}`, `Stop these emails: ${links.unsubscribe}`] : []),
    "",
  ].join("\n");
  const content = `<p><strong>${escapeHtml(what)}</strong><br>${escapeHtml(when)}</p>
${url ? `<p><a href="${escapeHtml(url)}" style="${LINK_STYLE}">${escapeHtml(label)}</a></p>` : ""}`;
  return { subject, text, html: htmlMessage({ subject, personName, intro, content, why, links }) };
}

const FALLBACK_SUMMARY = { interview: "Your interview", calibration: "The calibration meeting", conversation: "Your career conversation" } as const;

const LINK_STYLE = "color:#1d4ed8;text-decoration:underline";

/**
 * Every message's HTML: one frame (a heading, the greeting and the message's own content, then
 * why it came and, for people in Rungs, where to choose what they receive), readable in dark
 * mode and by screen readers (a language, a title, a main landmark, real links).
 */
function htmlMessage(message: {
  subject: string;
  personName: string;
  intro: string;
  content: string;
  why: string;
  links: { settings: string; unsubscribe: string } | null;
  kindLinks?: { label: string; url: string }[] | null;
}): string {
  const { subject, personName, intro, content, why, links, kindLinks } = message;
  const link = (url: string, text: string) => `<a href="${escapeHtml(url)}" style="${LINK_STYLE}">${escapeHtml(text)}</a>`;
  const choices = !links
    ? ""
    : kindLinks
      ? ` ${link(links.settings, "Choose what Rungs sends you")}. Unsubscribing from your mail app stops every kind in this message. To stop one kind only: ${kindLinks.map((kind) => link(kind.url, `stop emails about ${kind.label}`)).join(", ")}.`
      : ` ${link(links.settings, "Choose what Rungs sends you")} or ${link(links.unsubscribe, "stop these emails")}.`;
  return `<!doctype html>
<html lang="en">
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
<main>
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(subject)}</h1>
<p>Hello ${escapeHtml(personName)},</p>
<p>${escapeHtml(intro)}</p>
${content}
<hr>
<p style="font-size:14px">${escapeHtml(why)}${choices}</p>
</main>
</body>
</html>
`;
}
