import { db } from "~/db/client.server";
import { managerChain } from "~/modules/people/reporting-line.server";
import type { Channel } from "./nomination";
import { calibrationPlaces } from "~/modules/calibration/queries.server";
import { feedbackView, releasedToSubject, type FeedbackReader, type FeedbackView } from "./policy";
import { NAMES_SHOWN, type NamesShown } from "./settings";
import { subjectReleaseFactsFrom } from "./subject-release.server";

/** A way to one person's feedback in a cycle: its page, and what the reader finds there (a view of each channel answered). */
export type FeedbackLink = {
  cycle: { id: string; name: string };
  personId: string;
  href: string;
  peer: FeedbackView;
  upward: FeedbackView;
};

/** Each person's managers, nearest first, read only once some feedback about them was answered. */
type Chains = () => Promise<ReadonlyMap<string, readonly string[]>>;

/**
 * Links to feedback the reader may read (policy.ts) about these people, one per person and cycle
 * with answers submitted: for the person their peers' answers once released to them
 * (releasedToSubject), and as a manager their reports' upward aggregate; for the manager chain and
 * admins the named answers. Calibrators reach it from their session. One statement when nothing
 * about them was answered (most pages); else the chains, the cycles, their settings and their
 * calibration entries with the entries' sessions, the same few however many people and cycles.
 */
async function linksFor(
  reader: FeedbackReader,
  subjectIds: readonly string[],
  chainsOf: Chains,
): Promise<FeedbackLink[]> {
  if (!subjectIds.length) return [];
  const answered = await db.feedbackRequest.groupBy({
    by: ["cycleId", "subjectId", "channel"],
    where: { subjectId: { in: [...subjectIds] }, state: "submitted" },
  });
  if (!answered.length) return [];
  const chains = await chainsOf();
  const cycleIds = [...new Set(answered.map((row) => row.cycleId))];
  const [cycles, settings, places] = await Promise.all([
    db.reviewCycle.findMany({
      where: { id: { in: cycleIds } },
      select: { id: true, name: true, startsOn: true, closedAt: true },
    }),
    db.feedbackSettings.findMany({
      where: { cycleId: { in: cycleIds } },
      select: { cycleId: true, namesShown: true },
    }),
    calibrationPlaces(subjectIds, cycleIds),
  ]);
  const releaseOf = subjectReleaseFactsFrom(places, cycles);
  const namesShownOf = new Map(
    settings.map((row) => [
      row.cycleId,
      (NAMES_SHOWN as readonly string[]).includes(row.namesShown)
        ? (row.namesShown as NamesShown)
        : "never",
    ]),
  );
  const links: FeedbackLink[] = [];
  const newestFirst = [...cycles].sort((a, b) => b.startsOn.getTime() - a.startsOn.getTime());
  for (const subjectId of subjectIds) {
    const subject = { id: subjectId, chain: chains.get(subjectId) ?? [] };
    for (const cycle of newestFirst) {
      const namesShown = namesShownOf.get(cycle.id);
      if (!namesShown) continue;
      const view = (channel: Channel): FeedbackView =>
        answered.some(
          (row) =>
            row.cycleId === cycle.id && row.subjectId === subject.id && row.channel === channel,
        )
          ? feedbackView(reader, {
              channel,
              subjectId: subject.id,
              subjectManagerChain: subject.chain,
              calibratesSubject: false,
              releasedToSubject: releasedToSubject(releaseOf(cycle.id, subject.id)),
              namesShown,
            })
          : "none";
      const peer = view("peer");
      const upward = view("upward");
      if (peer === "none" && upward === "none") continue;
      links.push({
        cycle: { id: cycle.id, name: cycle.name },
        personId: subject.id,
        href: `/feedback/cycles/${cycle.id}/people/${subject.id}`,
        peer,
        upward,
      });
    }
  }
  return links;
}

/** The feedback about one person the reader may read, newest cycle first: for their growth and review pages. */
export async function feedbackLinksAbout(
  reader: FeedbackReader,
  personId: string,
): Promise<FeedbackLink[]> {
  return linksFor(
    reader,
    [personId],
    async () => new Map([[personId, reader.id === personId ? [] : await managerChain(personId)]]),
  );
}

/**
 * For the manager's team page: their own feedback (the upward aggregate among it) and each direct
 * report's, with names, in every cycle that has answers. The reader manages each report directly,
 * so the reader is their chain as far as policy.ts asks.
 */
export async function teamFeedbackLinks(
  reader: FeedbackReader,
): Promise<{ own: FeedbackLink[]; reports: (FeedbackLink & { personName: string })[] }> {
  // Whether anything about them was answered at all, before the reports are named: a VP's are
  // hundreds, and most team pages have no answers to link to.
  const answered = await db.feedbackRequest.findFirst({
    where: {
      state: "submitted",
      subject: { OR: [{ id: reader.id }, { managerId: reader.id, deactivatedAt: null }] },
    },
    select: { id: true },
  });
  if (!answered) return { own: [], reports: [] };
  const reports = await db.user.findMany({
    where: { managerId: reader.id, deactivatedAt: null },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  const links = await linksFor(
    reader,
    [reader.id, ...reports.map((report) => report.id)],
    async () => new Map(reports.map((report) => [report.id, [reader.id]])),
  );
  const nameOf = new Map(reports.map((report) => [report.id, report.name]));
  return {
    own: links.filter((link) => link.personId === reader.id),
    reports: links
      .filter((link) => link.personId !== reader.id)
      .map((link) => ({ ...link, personName: nameOf.get(link.personId) ?? "" })),
  };
}
