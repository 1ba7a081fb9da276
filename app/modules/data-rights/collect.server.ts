import { notesField, ratingField } from "~/modules/assessments/draft";
import { listApiTokens } from "~/modules/api/tokens.server";
import { assessmentPage } from "~/modules/assessments/assessments.server";
import { auditEventsAbout } from "~/modules/audit/audit.server";
import { ownOutcomeViews } from "~/modules/calibration/session-view.server";
import { seriesPage } from "~/modules/conversations/agenda.server";
import { evidenceOf } from "~/modules/conversations/evidence.server";
import { conversationsOf } from "~/modules/conversations/series.server";
import { DomainError } from "~/modules/errors";
import { answerPage, feedbackAbout, requestsAskedOf } from "~/modules/feedback/feedback.server";
import { feedbackLinksAbout } from "~/modules/feedback/links.server";
import type { FeedbackRelease } from "~/modules/feedback/release";
import { growthPage, historyPage } from "~/modules/growth/profile.server";
import { ladderForPerson } from "~/modules/ladders/registry.server";
import { placeInOrganisation } from "~/modules/people/queries.server";
import { hiringHome } from "~/modules/hiring/openings.server";
import { recommendationField } from "~/modules/hiring/scorecard-draft";
import { interviewPage } from "~/modules/hiring/scorecards.server";
import type { Viewer } from "~/modules/identity/policy";
import { myPairs, pairPage } from "~/modules/mentorship/pairs.server";
import { notificationSettings } from "~/modules/notifications/preferences.server";
import { i18nFor } from "~/i18n/i18n.server";
import type { PageLanguage } from "~/i18n/languages";
import { wordsOf } from "~/i18n/messages";
import type { ExportDocument, ExportFeedbackReceived, Section } from "./document";
import { myNominations } from "~/modules/promotions/nominations.server";
import { checkInsAskedOf } from "~/modules/team-health/team-health.server";
import { answerPage as promotionAnswerPage } from "~/modules/promotions/decisions.server";

/**
 * Each section of a person's export, read as the person reads it on their own pages: every part
 * comes from the service that page calls, with the person as its reader, so each module's own read
 * rule decides what goes in (their private one-to-one notes but not the other person's, feedback
 * only once released and without the authors the cycle hides, reviews only once shared with them).
 * Nothing here queries records itself.
 *
 * The reader is the person without their roles: an export is what Rungs holds about them as its
 * subject, not what an admin or hiring admin may read of other people.
 */
export function readerOf(person: { id: string; name: string; email: string }): Viewer {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    isAdmin: false,
    isHiringAdmin: false,
  };
}

type Collected = Omit<ExportDocument, "$schema" | "formatVersion" | "generatedAt" | "language">;

const iso = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString();
const day = (value: Date | string | null | undefined): string | null =>
  value === null || value === undefined ? null : new Date(value).toISOString().slice(0, 10);
const text = (value: unknown): string => (typeof value === "string" ? value : "");
const numberOrNull = (value: unknown): number | null => (typeof value === "number" ? value : null);

/** A record the pages would answer "not found" for is left out, as its page would. */
async function readable<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not-found") return null;
    throw error;
  }
}

function receivedFrom(
  cycle: string,
  channel: "peer" | "upward",
  release: FeedbackRelease,
  nameOf: (competencyId: string) => string,
): ExportFeedbackReceived | null {
  if (release.view === "none") return null;
  if (release.view === "named") {
    return {
      cycle,
      channel,
      view: "named",
      competencies: release.competencies.map((competency) => ({
        competencyId: competency.competencyId,
        competency: nameOf(competency.competencyId),
        answers: competency.answers.map((answer) => ({
          author: answer.authorName,
          rating: answer.rating,
          example: answer.example,
        })),
        count: competency.answers.length,
        averageRating: null,
      })),
    };
  }
  // Anonymous and aggregate views: only what passed the release's batches, never who wrote what.
  if (!release.release.released) return null;
  return {
    cycle,
    channel,
    view: release.view,
    competencies: release.release.competencies
      .filter((competency) => competency.shown)
      .map((competency) => ({
        competencyId: competency.competencyId,
        competency: nameOf(competency.competencyId),
        answers: competency.answers.map((answer) => ({
          author: null,
          rating: null,
          example: answer.example,
        })),
        count: competency.count,
        averageRating: competency.averageRating,
      })),
  };
}

/** The readers of each section, in the order of SECTIONS; each reads only through the modules' services. */
export function sectionReaders(
  reader: Viewer,
  language: PageLanguage,
  now: Date,
): Record<Section, (into: Partial<Collected>) => Promise<void>> {
  const personId = reader.id;
  // The growth page gives the profile, the assessments' list and the plan: read once for the three.
  let growthRead: ReturnType<typeof growthPage> | undefined;
  const growth = () => (growthRead ??= growthPage(reader, personId));
  return {
    profile: async (into) => {
      const [{ person }, history] = await Promise.all([growth(), historyPage(reader, personId)]);
      into.profile = {
        id: person.id,
        name: person.name,
        email: reader.email,
        team: person.teamName,
        manager: person.managerName,
        ladderId: person.ladderId,
        track: person.trackName ?? person.track,
        level: person.level,
        levelTitle: person.levelTitle,
        levelHistory: history.levelChanges.map((change) => ({
          on: change.on.slice(0, 10),
          from: change.from,
          to: change.to,
          session: change.sessionName,
        })),
      };
    },
    assessments: async (into) => {
      const { assessments } = await growth();
      const pages = [];
      for (const summary of assessments) {
        const page = await readable(() => assessmentPage(reader, summary.id));
        if (!page) continue;
        const values = page.values;
        pages.push({
          id: page.assessment.id,
          kind: page.assessment.kind,
          status: page.assessment.status,
          author: page.assessment.author.name,
          cycle: page.assessment.cycle?.name ?? null,
          level: summary.levelTitle,
          summary: values ? text(values.summary) : page.assessment.summary,
          submittedAt: iso(page.assessment.submittedAt),
          ratings: page.competencies.map((competency) => {
            const rating = values
              ? numberOrNull(values[ratingField(competency.id)])
              : "rating" in competency
                ? competency.rating
                : null;
            return {
              competencyId: competency.id,
              competency: competency.name,
              rating,
              ratingLabel: "ratingLabel" in competency ? competency.ratingLabel : null,
              notes: values
                ? text(values[notesField(competency.id)])
                : "notes" in competency
                  ? competency.notes
                  : "",
              evidence: competency.evidence.map((item) => ({
                text: item.text,
                url: item.url,
                occurredOn: day(item.occurredOn),
              })),
            };
          }),
        });
      }
      into.assessments = pages;
    },
    growthPlan: async (into) => {
      const { plan } = await growth();
      into.growthPlan = plan
        ? {
            targetLevel: plan.targetTitle,
            track: plan.trackName,
            focus: plan.focus.map((focus) => ({
              competencyId: focus.competencyId,
              competency: focus.name,
            })),
            updatedAt: plan.updatedAt.toISOString(),
          }
        : null;
    },
    evidence: async (into) => {
      const { items } = await evidenceOf(reader, personId);
      into.evidence = items.map((item) => ({
        competencyId: item.competencyId,
        competency: item.competencyName,
        text: item.text,
        url: item.url,
        occurredOn: day(item.occurredOn)!,
        sharedWithManager: item.shared,
        fromConversation: item.fromConversation,
      }));
    },
    conversations: async (into) => {
      const series = await conversationsOf(reader, now);
      const out = [];
      for (const item of series) {
        const page = await readable(() => seriesPage(reader, item.id, now, language));
        if (!page) continue;
        // The next meeting's agenda heads with the series' open actions; those agreed at an earlier meeting are listed there.
        const listed = new Set(
          page.earlier.flatMap((meeting) => meeting.actions.map((action) => action.id)),
        );
        const next = page.next
          ? [
              {
                ...page.next,
                points: page.next.agenda.flatMap((entry) =>
                  entry.type === "point" ? [entry.point] : [],
                ),
                actions: page.next.agenda.flatMap((entry) =>
                  entry.type === "action" && !listed.has(entry.action.id) ? [entry.action] : [],
                ),
              },
            ]
          : [];
        const meetings = [...next, ...page.earlier];
        out.push({
          kind: page.series.kind,
          role: page.role,
          manager: page.series.manager.name,
          report: page.series.report.name,
          cadence: page.series.cadence,
          current: page.series.current,
          meetings: meetings.map((meeting) => ({
            startsAt: meeting.startsAt.toISOString(),
            status: meeting.status,
            points: meeting.points.map((point) => ({ text: point.text, status: point.status })),
            actions: meeting.actions.map((action) => ({
              text: action.text,
              status: action.status,
              dueOn: day(action.dueOn),
            })),
            notes: meeting.notes.map((note) => ({
              author: note.authorName,
              visibility: note.visibility,
              text: note.text,
              writtenAt: note.createdAt.toISOString(),
            })),
          })),
        });
      }
      into.conversations = out;
    },
    feedbackReceived: async (into) => {
      const [links, place] = await Promise.all([
        feedbackLinksAbout(reader, personId),
        placeInOrganisation(personId),
      ]);
      // Competencies named as the person's feedback page names them: from the ladder served to them.
      const served = place ? await ladderForPerson(place) : undefined;
      const nameOf = (competencyId: string) =>
        served?.ladder.competencies.find((competency) => competency.id === competencyId)?.name ??
        competencyId;
      const out: ExportFeedbackReceived[] = [];
      for (const link of links) {
        for (const channel of ["peer", "upward"] as const) {
          if (link[channel] === "none") continue;
          const shown = await readable(() =>
            feedbackAbout(reader, link.cycle.id, personId, channel),
          );
          const received = shown
            ? receivedFrom(link.cycle.name, channel, shown.release, nameOf)
            : null;
          if (received) out.push(received);
        }
      }
      into.feedbackReceived = out;
    },
    feedbackWritten: async (into) => {
      const out = [];
      for (const requestId of await requestsAskedOf(personId)) {
        const page = await readable(() => answerPage(reader, requestId));
        if (!page) continue;
        const answers = page.competencies.map((competency) => ({
          competencyId: competency.id,
          competency: competency.name,
          rating: numberOrNull(page.values[ratingField(competency.id)]),
          example: text(page.values[notesField(competency.id)]),
        }));
        // A request they have written nothing for yet holds no words of theirs.
        if (!answers.some((item) => item.rating !== null || item.example.trim() !== "")) continue;
        out.push({
          cycle: page.request.cycle.name,
          channel: page.request.channel,
          about: page.request.subject.name,
          state: page.request.state,
          answers,
        });
      }
      into.feedbackWritten = out;
    },
    mentorship: async (into) => {
      const out = [];
      for (const pair of await myPairs(reader)) {
        const page = await readable(() => pairPage(reader, pair.programmeId, pair.id, now));
        if (!page) continue;
        out.push({
          programme: page.programme.name,
          role: page.role,
          mentee: page.pair.menteeName,
          mentor: page.pair.mentorName,
          status: page.pair.status,
          goals: page.goals.map((goal) => goal.name),
          outcome: page.pair.outcome,
          outcomeNote: page.pair.outcomeNote,
          checkIns: page.checkIns.map((checkIn) => ({
            occurredOn: day(checkIn.occurredOn)!,
            author: checkIn.authorName,
            note: checkIn.note,
            competencies: checkIn.competencies,
          })),
          pulses: page.pulses.map((pulse) => ({
            checkpoint: pulse.checkpoint,
            usefulness: pulse.usefulness,
            comfort: pulse.comfort,
          })),
        });
      }
      into.mentorship = out;
    },
    teamHealth: async (into) => {
      into.teamHealth = (await checkInsAskedOf(personId)).map((row) => ({
        team: row.team,
        startedAt: row.startedAt.toISOString(),
        closesAt: row.closesAt.toISOString(),
      }));
    },
    outcomes: async (into) => {
      const t = i18nFor(language).getFixedT(language, "growth");
      into.outcomes = (await ownOutcomeViews(personId)).map((outcome) => ({
        session: outcome.sessionName,
        rating: outcome.rating,
        outcome: wordsOf(t, outcome.outcome),
      }));
    },
    promotions: async (into) => {
      // Their own nominations, as "Your nominations" lists them, each with its answer as its page shows it (nothing before release).
      const out = [];
      for (const nomination of (await myNominations(reader)).filter((row) => row.own)) {
        const page = await readable(() => promotionAnswerPage(reader, nomination.id));
        const decision = page?.decision ?? null;
        out.push({
          window: nomination.windowName,
          target: nomination.targetTitle,
          kind: nomination.kind,
          state: nomination.state,
          decision: decision
            ? {
                outcome: decision.outcome,
                summary: decision.summary,
                releasedAt: decision.releasedAt?.toISOString() ?? null,
                takesEffectOn: day(decision.takesEffectOn),
                criteria: decision.criteria.map((criterion) => ({
                  name: criterion.name,
                  mark: criterion.mark,
                  rationale: criterion.rationale,
                })),
              }
            : null,
        });
      }
      into.promotions = out;
    },
    interviews: async (into) => {
      const { interviews } = await hiringHome(reader);
      const out = [];
      // Interviews they scored: a card in or being written; one not started holds nothing of theirs.
      for (const interview of interviews.filter((item) => item.card !== "not-started")) {
        const page = await readable(() => interviewPage(reader, interview.id));
        if (!page) continue;
        out.push({
          opening: page.opening.title,
          level: page.opening.level,
          candidate: page.candidate,
          stage: page.stage.name,
          scheduledAt: page.interview.scheduledAt,
          state: page.mode,
          submittedAt: page.submitted?.submittedAt ?? null,
          scores: page.competencyIds.map((competencyId) => ({
            competencyId,
            competency: page.competencyName[competencyId] ?? competencyId,
            score: numberOrNull(page.values[ratingField(competencyId)]),
            notes: text(page.values[notesField(competencyId)]),
          })),
          recommendation:
            typeof page.values[recommendationField] === "string"
              ? page.values[recommendationField]
              : null,
        });
      }
      into.interviews = out;
    },
    notificationSettings: async (into) => {
      const settings = await notificationSettings(personId);
      into.notificationSettings = { ...settings.preferences, timeZone: settings.timeZone };
    },
    apiTokens: async (into) => {
      // As their account page lists them, revoked ones too: a tool that read as them is part of their record.
      into.apiTokens = (await listApiTokens({ reach: "person", personId })).map((token) => ({
        name: token.name,
        scopes: token.scopes,
        createdAt: token.createdAt,
        lastUsedAt: token.lastUsedAt,
        revokedAt: token.revokedAt,
      }));
    },
    auditEvents: async (into) => {
      into.auditEvents = (await auditEventsAbout(personId)).map((event) => ({
        action: event.action,
        at: event.at.toISOString(),
        actor: event.actorName,
      }));
    },
  };
}

/** Every section is filled: a section reader that left one out is a fault, not an empty export. */
export function completed(into: Partial<Collected>): Collected {
  const missing = (
    [
      "profile",
      "assessments",
      "evidence",
      "conversations",
      "feedbackReceived",
      "feedbackWritten",
      "mentorship",
      "teamHealth",
      "outcomes",
      "promotions",
      "interviews",
      "notificationSettings",
      "apiTokens",
      "auditEvents",
    ] as const
  ).filter((key) => into[key] === undefined);
  if (missing.length || into.growthPlan === undefined)
    throw new Error(
      `Export sections missing: ${[...missing, ...(into.growthPlan === undefined ? ["growthPlan"] : [])].join(", ")}`,
    );
  return into as Collected;
}
