import { isApiScope, SCOPE_LABELS } from "~/modules/api/scopes";
import { actionLabel } from "~/modules/audit/events";
import type { ExportDocument, Section } from "~/platform/export-document";
import { SECTIONS } from "~/platform/export-document";

/**
 * The readable half of the archive: `index.html` and one page per section, in the person's
 * language and direction, every style inline and nothing fetched from anywhere, so the folder
 * opens in any browser with no network. Every value is escaped: the texts are people's own words.
 */

export type BundleWords = {
  /** A message of the `exports` namespace (`bundle.title`), or of another written with its namespace (`admin:audit.actions.personUpdated`). */
  t: (key: string, values?: Record<string, unknown>) => string;
  language: string;
  dir: "ltr" | "rtl";
  day: (value: string) => string;
  dateTime: (value: string) => string;
};

export const pageOf = (section: Section) => `${section}.html`;

function escape(value: unknown): string {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1f2937;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #d1d5db;padding:.3rem .5rem;text-align:start;vertical-align:top}th{background:#f3f4f6}
.muted{color:#6b7280}nav a{margin-inline-end:1rem}blockquote{border-inline-start:3px solid #d1d5db;margin:.5rem 0;padding-inline-start:.75rem;white-space:pre-wrap}
@media (prefers-color-scheme:dark){body{background:#111827;color:#e5e7eb}th{background:#1f2937}th,td{border-color:#374151}.muted{color:#9ca3af}}`;

function page(words: BundleWords, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escape(words.language)}" dir="${words.dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body>
<nav><a href="index.html">${escape(words.t("bundle.contents"))}</a></nav>
<h1>${escape(title)}</h1>
${body}
</body>
</html>
`;
}

function table(headers: string[], rows: string[][]): string {
  if (!rows.length) return "";
  return `<table><thead><tr>${headers.map((header) => `<th scope="col">${escape(header)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

const quote = (text: string) => (text.trim() ? `<blockquote>${escape(text)}</blockquote>` : "");

function none(words: BundleWords, empty: boolean): string {
  return empty ? `<p class="muted">${escape(words.t("bundle.nothing"))}</p>` : "";
}

function sectionBody(section: Section, doc: ExportDocument, words: BundleWords): string {
  const { t } = words;
  const yesNo = (value: boolean) => t(value ? "bundle.yes" : "bundle.no");
  switch (section) {
    case "profile": {
      const p = doc.profile;
      const rows: [string, string | null][] = [
        [t("bundle.profile.name"), p.name],
        [t("bundle.profile.email"), p.email],
        [t("bundle.profile.team"), p.team],
        [t("bundle.profile.manager"), p.manager],
        [t("bundle.profile.track"), p.track],
        [t("bundle.profile.level"), p.levelTitle ?? p.level],
      ];
      return (
        table(
          [t("bundle.field"), t("bundle.value")],
          rows.map(([label, value]) => [escape(label), escape(value ?? "–")]),
        ) +
        `<h2>${escape(t("bundle.profile.levelHistory"))}</h2>` +
        none(words, !p.levelHistory.length) +
        table(
          [
            t("bundle.on"),
            t("bundle.profile.from"),
            t("bundle.profile.to"),
            t("bundle.profile.session"),
          ],
          p.levelHistory.map((change) => [
            escape(words.day(change.on)),
            escape(change.from ?? "–"),
            escape(change.to ?? "–"),
            escape(change.session),
          ]),
        )
      );
    }
    case "assessments":
      return (
        none(words, !doc.assessments.length) +
        doc.assessments
          .map(
            (assessment) =>
              `<h2>${escape(t(assessment.kind === "self" ? "bundle.assessments.self" : "bundle.assessments.manager", { author: assessment.author }))}</h2>` +
              `<p class="muted">${escape([assessment.cycle ?? t("bundle.assessments.outsideCycle"), assessment.level, assessment.submittedAt ? words.dateTime(assessment.submittedAt) : t("bundle.assessments.draft")].join(" · "))}</p>` +
              quote(assessment.summary) +
              table(
                [
                  t("bundle.competency"),
                  t("bundle.rating"),
                  t("bundle.notes"),
                  t("bundle.evidence"),
                ],
                assessment.ratings.map((rating) => [
                  escape(rating.competency),
                  escape(
                    rating.rating === null
                      ? "–"
                      : `${rating.rating}${rating.ratingLabel ? ` ${rating.ratingLabel}` : ""}`,
                  ),
                  escape(rating.notes),
                  rating.evidence
                    .map(
                      (item) => `${escape(item.text)}${item.url ? ` (${escape(item.url)})` : ""}`,
                    )
                    .join("<br>"),
                ]),
              ),
          )
          .join("")
      );
    case "growthPlan": {
      const plan = doc.growthPlan;
      if (!plan) return none(words, true);
      return `<p>${escape(t("bundle.growthPlan.target", { level: plan.targetLevel, track: plan.track ?? "–" }))}</p><ul>${plan.focus.map((focus) => `<li>${escape(focus.competency)}</li>`).join("")}</ul>`;
    }
    case "evidence":
      return (
        none(words, !doc.evidence.length) +
        table(
          [
            t("bundle.on"),
            t("bundle.competency"),
            t("bundle.evidence"),
            t("bundle.evidenceShared"),
          ],
          doc.evidence.map((item) => [
            escape(words.day(item.occurredOn)),
            escape(item.competency),
            `${escape(item.text)}${item.url ? `<br>${escape(item.url)}` : ""}`,
            escape(yesNo(item.sharedWithManager)),
          ]),
        )
      );
    case "conversations":
      return (
        none(words, !doc.conversations.length) +
        doc.conversations
          .map(
            (series) =>
              `<h2>${escape(t(series.kind === "skip-level" ? "bundle.conversations.skipLevel" : "bundle.conversations.oneToOne", { manager: series.manager, report: series.report }))}</h2>` +
              series.meetings
                .map(
                  (meeting) =>
                    `<h3>${escape(words.dateTime(meeting.startsAt))}</h3>` +
                    (meeting.points.length
                      ? `<p>${escape(t("bundle.conversations.points"))}</p><ul>${meeting.points.map((point) => `<li>${escape(point.text)}</li>`).join("")}</ul>`
                      : "") +
                    (meeting.actions.length
                      ? `<p>${escape(t("bundle.conversations.actions"))}</p><ul>${meeting.actions.map((action) => `<li>${escape(action.text)}${action.dueOn ? ` (${escape(words.day(action.dueOn))})` : ""}</li>`).join("")}</ul>`
                      : "") +
                    meeting.notes
                      .map(
                        (note) =>
                          `<p class="muted">${escape(t(note.visibility === "private" ? "bundle.conversations.privateNote" : "bundle.conversations.sharedNote", { author: note.author }))}</p>${quote(note.text)}`,
                      )
                      .join(""),
                )
                .join(""),
          )
          .join("")
      );
    case "feedbackReceived":
      return (
        none(words, !doc.feedbackReceived.length) +
        doc.feedbackReceived
          .map(
            (feedback) =>
              `<h2>${escape(t(feedback.channel === "upward" ? "bundle.feedback.upward" : "bundle.feedback.peer", { cycle: feedback.cycle }))}</h2>` +
              feedback.competencies
                .map(
                  (competency) =>
                    `<h3>${escape(competency.competency)}</h3>` +
                    (competency.averageRating !== null
                      ? `<p>${escape(t("bundle.feedback.average", { average: competency.averageRating, count: competency.count ?? 0 }))}</p>`
                      : "") +
                    competency.answers
                      .map(
                        (answer) =>
                          `${answer.author ? `<p class="muted">${escape(answer.author)}${answer.rating !== null ? ` · ${escape(answer.rating)}` : ""}</p>` : ""}${quote(answer.example)}`,
                      )
                      .join(""),
                )
                .join(""),
          )
          .join("")
      );
    case "feedbackWritten":
      return (
        none(words, !doc.feedbackWritten.length) +
        doc.feedbackWritten
          .map(
            (written) =>
              `<h2>${escape(t(written.channel === "upward" ? "bundle.feedback.wroteUpward" : "bundle.feedback.wrotePeer", { person: written.about, cycle: written.cycle }))}</h2>` +
              table(
                [t("bundle.competency"), t("bundle.rating"), t("bundle.feedback.example")],
                written.answers.map((answer) => [
                  escape(answer.competency),
                  escape(answer.rating ?? "–"),
                  escape(answer.example),
                ]),
              ),
          )
          .join("")
      );
    case "mentorship":
      return (
        none(words, !doc.mentorship.length) +
        doc.mentorship
          .map(
            (pair) =>
              `<h2>${escape(t("bundle.mentorship.pair", { programme: pair.programme, mentee: pair.mentee, mentor: pair.mentor }))}</h2>` +
              (pair.goals.length
                ? `<p>${escape(t("bundle.mentorship.goals"))} ${escape(pair.goals.join(", "))}</p>`
                : "") +
              (pair.outcomeNote ? quote(pair.outcomeNote) : "") +
              pair.checkIns
                .map(
                  (checkIn) =>
                    `<p class="muted">${escape(words.day(checkIn.occurredOn))} · ${escape(checkIn.author)}</p>${quote(checkIn.note)}`,
                )
                .join(""),
          )
          .join("")
      );
    case "outcomes":
      return (
        none(words, !doc.outcomes.length) +
        table(
          [t("bundle.outcomes.session"), t("bundle.rating"), t("bundle.outcomes.outcome")],
          doc.outcomes.map((outcome) => [
            escape(outcome.session),
            escape(outcome.rating),
            escape(outcome.outcome),
          ]),
        )
      );
    case "promotions":
      return (
        none(words, !doc.promotions.length) +
        doc.promotions
          .map(
            (promotion) =>
              (promotion.nominee === null
                ? `<h2>${escape(t("bundle.promotions.nomination", { window: promotion.window, target: promotion.target }))}</h2>`
                : `<h2>${escape(t("bundle.promotions.madeFor", { window: promotion.window, nominee: promotion.nominee, target: promotion.target }))}</h2>`) +
              (promotion.statement.trim()
                ? `<h3>${escape(t("bundle.promotions.statement"))}</h3>${quote(promotion.statement)}`
                : "") +
              (promotion.managerAddition
                ? `<h3>${escape(t("bundle.promotions.managerAddition"))}</h3>${quote(promotion.managerAddition)}`
                : "") +
              (promotion.packet
                ? `<h3>${escape(t("bundle.promotions.packet"))}</h3>` +
                  `<p class="muted">${escape(promotion.packet.submittedAt ? t("bundle.promotions.submittedOn", { when: words.dateTime(promotion.packet.submittedAt) }) : t("bundle.promotions.notSubmitted"))}</p>` +
                  table(
                    [
                      t("bundle.competency"),
                      t("bundle.promotions.nomineeCase"),
                      t("bundle.promotions.managerCase"),
                    ],
                    promotion.packet.cases.map((item) => [
                      escape(item.competency),
                      escape(item.nomineeCase),
                      escape(item.managerCase),
                    ]),
                  )
                : "") +
              (promotion.nominee !== null
                ? ""
                : promotion.decision
                  ? `<p>${escape(t("bundle.promotions.decision", { outcome: promotion.decision.outcome }))}</p>` +
                    quote(promotion.decision.summary) +
                    table(
                      [t("bundle.competency"), t("bundle.promotions.mark"), t("bundle.notes")],
                      promotion.decision.criteria.map((criterion) => [
                        escape(criterion.name),
                        escape(criterion.mark ?? "–"),
                        escape(criterion.rationale),
                      ]),
                    )
                  : `<p class="muted">${escape(t("bundle.promotions.notReleased"))}</p>`),
          )
          .join("")
      );
    case "opportunities": {
      const { posted, interests } = doc.opportunities;
      return (
        none(words, !posted.length && !interests.length) +
        posted
          .map(
            (row) =>
              `<h2>${escape(t("bundle.opportunities.posted", { title: row.title }))}</h2>` +
              `<p>${escape(t("bundle.opportunities.dates", { startsOn: words.day(row.startsOn), endsOn: words.day(row.endsOn), interested: row.interested }))}</p>` +
              quote(row.description) +
              (row.reason !== null ? quote(row.reason) : ""),
          )
          .join("") +
        interests
          .map(
            (row) =>
              `<h2>${escape(t("bundle.opportunities.interest", { title: row.title, poster: row.poster }))}</h2>` +
              `<p>${escape(t("bundle.opportunities.outcome", { outcome: row.outcome === "not-chosen" ? "notChosen" : (row.outcome ?? "open") }))}</p>` +
              quote(row.note) +
              (row.reason !== null ? quote(row.reason) : ""),
          )
          .join("")
      );
    }
    case "sponsorships": {
      const { given, received } = doc.sponsorships;
      const rows = (list: typeof given) =>
        list.map((row) => [
          escape(row.sponsor),
          escape(row.sponsee),
          escape(row.target),
          escape(words.day(row.until)),
          row.note.trim() ? escape(row.note) : "",
          row.declineReason ? escape(row.declineReason) : "",
        ]);
      const headers = [
        t("bundle.sponsorships.sponsor"),
        t("bundle.sponsorships.sponsee"),
        t("bundle.sponsorships.target"),
        t("bundle.sponsorships.until"),
        t("bundle.notes"),
        t("bundle.sponsorships.declined"),
      ];
      return (
        none(words, !given.length && !received.length) +
        (given.length
          ? `<h2>${escape(t("bundle.sponsorships.given"))}</h2>` + table(headers, rows(given))
          : "") +
        (received.length
          ? `<h2>${escape(t("bundle.sponsorships.received"))}</h2>` + table(headers, rows(received))
          : "")
      );
    }
    case "interviews":
      return (
        none(words, !doc.interviews.length) +
        doc.interviews
          .map(
            (interview) =>
              `<h2>${escape(t("bundle.interviews.interview", { candidate: interview.candidate ?? t("bundle.interviews.purged"), opening: interview.opening, stage: interview.stage }))}</h2>` +
              table(
                [t("bundle.competency"), t("bundle.interviews.score"), t("bundle.notes")],
                interview.scores.map((score) => [
                  escape(score.competency),
                  escape(score.score ?? "–"),
                  escape(score.notes),
                ]),
              ) +
              (interview.recommendation
                ? `<p>${escape(t("bundle.interviews.recommendation", { recommendation: interview.recommendation }))}</p>`
                : ""),
          )
          .join("")
      );
    case "notificationSettings": {
      const settings = doc.notificationSettings;
      return table(
        [t("bundle.field"), t("bundle.value")],
        [
          [escape(t("bundle.notifications.digest")), escape(settings.digest)],
          [
            escape(t("bundle.notifications.nudges")),
            escape(
              yesNo(
                settings.nudgeNew ||
                  settings.nudgeDueSoon ||
                  settings.nudgeOverdue ||
                  settings.nudgeScorecard,
              ),
            ),
          ],
          [escape(t("bundle.notifications.invitations")), escape(yesNo(settings.invitations))],
          [escape(t("bundle.notifications.paused")), escape(yesNo(settings.paused))],
          [escape(t("bundle.notifications.timeZone")), escape(settings.timeZone ?? "–")],
        ],
      );
    }
    case "goals":
      return (
        none(words, !doc.goals.length) +
        doc.goals
          .map(
            (goal) =>
              `<h3>${escape(goal.title)}</h3><p>${escape(
                t("bundle.goals.objective", {
                  period: goal.period,
                  level: goal.level,
                  commitment: goal.commitment,
                  owner: goal.owner,
                }),
              )}</p>${goal.why ? `<p>${escape(goal.why)}</p>` : ""}` +
              table(
                [
                  t("bundle.goals.keyResult"),
                  t("bundle.goals.range"),
                  t("bundle.goals.role"),
                  t("bundle.goals.score"),
                  t("bundle.goals.checkIns"),
                ],
                goal.keyResults.map((kr) => [
                  escape(kr.title),
                  escape(`${kr.startValue} → ${kr.targetValue}${kr.unit ? ` ${kr.unit}` : ""}`),
                  escape(t("bundle.goals.roleName", { role: kr.role ?? "reader" })),
                  escape(
                    kr.finalScore === null
                      ? "–"
                      : `${kr.finalScore.toFixed(2)}${kr.reflection ? ` · ${kr.reflection}` : ""}`,
                  ),
                  escape(
                    kr.checkIns
                      .map(
                        (checkIn) =>
                          `${words.dateTime(checkIn.at)}: ${checkIn.value}${checkIn.note ? ` (${checkIn.note})` : ""}`,
                      )
                      .join("; ") || "–",
                  ),
                ]),
              ),
          )
          .join("")
      );
    case "teamHealth":
      return (
        none(words, !doc.teamHealth.length) +
        table(
          [
            t("bundle.teamHealth.team"),
            t("bundle.teamHealth.started"),
            t("bundle.teamHealth.closes"),
          ],
          doc.teamHealth.map((row) => [
            escape(row.team),
            escape(words.dateTime(row.startedAt)),
            escape(words.dateTime(row.closesAt)),
          ]),
        )
      );
    case "apiTokens":
      return (
        none(words, !doc.apiTokens.length) +
        table(
          [
            t("bundle.apiTokens.name"),
            t("bundle.apiTokens.scopes"),
            t("bundle.apiTokens.created"),
            t("bundle.apiTokens.lastUsed"),
            t("bundle.apiTokens.revoked"),
          ],
          doc.apiTokens.map((token) => [
            escape(token.name),
            escape(
              token.scopes
                .map((scope) => (isApiScope(scope) ? t(`api:${SCOPE_LABELS[scope].name}`) : scope))
                .join(", "),
            ),
            escape(words.dateTime(token.createdAt)),
            escape(
              token.lastUsedAt ? words.dateTime(token.lastUsedAt) : t("bundle.apiTokens.never"),
            ),
            escape(token.revokedAt ? words.dateTime(token.revokedAt) : "–"),
          ]),
        )
      );
    case "auditEvents":
      return (
        none(words, !doc.auditEvents.length) +
        table(
          [t("bundle.on"), t("bundle.audit.action"), t("bundle.audit.by")],
          doc.auditEvents.map((event) => [
            escape(words.dateTime(event.at)),
            escape(t(actionLabel(event.action))),
            escape(event.actor ?? "–"),
          ]),
        )
      );
  }
}

/** The bundle's files, by name inside the archive's `html/` folder. */
export function readableBundle(doc: ExportDocument, words: BundleWords): Record<string, string> {
  const { t } = words;
  const files: Record<string, string> = {};
  for (const section of SECTIONS)
    files[pageOf(section)] = page(
      words,
      t(`sections.${section}`),
      sectionBody(section, doc, words),
    );
  files["index.html"] = page(
    words,
    t("bundle.title", { name: doc.profile.name }),
    `<p>${escape(t("bundle.intro", { generatedAt: words.dateTime(doc.generatedAt) }))}</p><ul>${SECTIONS.map((section) => `<li><a href="${pageOf(section)}">${escape(t(`sections.${section}`))}</a></li>`).join("")}</ul><p class="muted">${escape(t("bundle.json"))}</p>`,
  );
  return files;
}
