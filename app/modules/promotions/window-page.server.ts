import { SOURCE_LANGUAGE, type PageLanguage } from "~/i18n/languages";
/**
 * A window's own page: what the window is (its name, ladder, state and dates) and the way to each
 * of its pages the viewer may open, every one by that page's own rule (policy.ts, committee-policy.ts).
 */
import { db } from "~/db/client.server";
import { NotFoundError } from "~/modules/errors";
import { requireLadderOfVersionIn } from "~/modules/ladders/versions.server";
import { hasReports } from "~/modules/people/queries.server";
import { canReadCommitteePage, canReadForCommittee } from "./committee-policy";
import { known } from "./history";
import {
  canManagePromotions,
  canReadWindowPage,
  windowAuditScope,
  WINDOW_STATES,
  type PromotionViewer,
  type WindowPages,
} from "./policy";

type Role = "chair" | "member" | null;

function roleOf(rows: readonly { role: string }[]): Role {
  if (rows.length === 0) return null;
  return rows.some((row) => row.role === "chair") ? "chair" : "member";
}

/** The pages of a window the viewer may open: the same rules their own loaders ask. */
function pagesOf(
  viewer: PromotionViewer,
  window: { state: string; openedAt: Date | null },
  facts: { role: Role; hasReports: boolean },
): WindowPages {
  const isMember = facts.role !== null;
  return {
    manage: canManagePromotions(viewer),
    committee: canReadCommitteePage(viewer, { isMember }),
    meeting: canReadForCommittee(viewer, { isMember, state: window.state }),
    audit:
      windowAuditScope(viewer, {
        opened: window.openedAt !== null,
        chairOfWindow: facts.role === "chair",
        hasReports: facts.hasReports,
      }) !== null,
  };
}

/**
 * One window for its page, to whoever may open one of its pages; anyone else, and an id nobody has,
 * get the same 404.
 */
export async function windowPage(
  viewer: PromotionViewer,
  windowId: string,
  language: PageLanguage = SOURCE_LANGUAGE,
) {
  const window = await db.promotionWindow.findUnique({
    where: { id: windowId },
    select: {
      id: true,
      name: true,
      ladderVersionId: true,
      state: true,
      nominationsOpenOn: true,
      nominationsCloseOn: true,
      packetsDueOn: true,
      votesDueOn: true,
      effectiveOn: true,
      openedAt: true,
      closedAt: true,
      meetingStartsAt: true,
      meetingEndsAt: true,
      members: { where: { personId: viewer.id }, select: { role: true } },
    },
  });
  const missing = new NotFoundError({ key: "promotions:errors.noSuchWindow" });
  if (!window) throw missing;
  const role = roleOf(window.members);
  const pages = pagesOf(viewer, window, {
    role,
    // As the audit asks it: admins and the chair read it whatever their reports.
    hasReports: viewer.isAdmin || role === "chair" ? false : await hasReports(viewer.id),
  });
  if (!canReadWindowPage(pages)) throw missing;
  const ladder = (await requireLadderOfVersionIn(window.ladderVersionId, language)).ladder;
  return {
    window: {
      id: window.id,
      name: window.name,
      state: known(WINDOW_STATES, window.state, "closed"),
      ladderName: ladder.meta.name,
      nominationsOpenOn: window.nominationsOpenOn,
      nominationsCloseOn: window.nominationsCloseOn,
      packetsDueOn: window.packetsDueOn,
      votesDueOn: window.votesDueOn,
      effectiveOn: window.effectiveOn,
      closedAt: window.closedAt,
      // The meeting is the committee's: shown where its page is, to those who read that page.
      meeting:
        pages.committee && window.meetingStartsAt
          ? { startsAt: window.meetingStartsAt, endsAt: window.meetingEndsAt }
          : null,
    },
    role,
    pages,
  };
}

/** Of these windows, those whose own page the viewer may open (the calendar links them). */
export async function windowsWithPages(
  viewer: PromotionViewer,
  windows: readonly { id: string; state: string; openedAt: Date | null }[],
): Promise<string[]> {
  if (windows.length === 0) return [];
  const [memberships, reports] = await Promise.all([
    db.promotionCommitteeMember.findMany({
      where: { personId: viewer.id, windowId: { in: windows.map((window) => window.id) } },
      select: { windowId: true, role: true },
    }),
    viewer.isAdmin ? false : hasReports(viewer.id),
  ]);
  return windows
    .filter((window) =>
      canReadWindowPage(
        pagesOf(viewer, window, {
          role: roleOf(memberships.filter((row) => row.windowId === window.id)),
          hasReports: reports,
        }),
      ),
    )
    .map((window) => window.id);
}
