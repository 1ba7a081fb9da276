/**
 * Sponsorship's rules. A sponsorship is read by its sponsor, its sponsee and admins, and by nobody
 * else (a 404, as if it did not exist). A sponsor is senior to the person they sponsor (a higher
 * band of the ladders' level equivalence) and holds few active sponsorships at once: the cap an
 * admin sets, two unless they change it. The sponsee may decline; the sponsor may end it. Pure,
 * from facts the service gathers.
 */
export const ADVOCACIES = ["level", "role", "opportunity"] as const;
export type Advocacy = (typeof ADVOCACIES)[number];

export const DEFAULT_CAP = 2;
export const MAX_CAP = 10;

export type SponsorshipViewer = { id: string; isAdmin: boolean };
/** A sponsorship as its rules read it, with whether either of the two has left the organisation. */
export type SponsorshipFacts = {
  sponsorId: string;
  sponseeId: string;
  until: Date;
  declinedAt: Date | null;
  endedAt: Date | null;
  sponsorLeft: boolean;
  sponseeLeft: boolean;
};

function startOfDay(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/**
 * Active: not declined, not ended, its last day not past, and both people still in the organisation
 * (a leaver sponsors nobody and is sponsored by nobody). What counts against the cap, what the page
 * shows as active, and what promotions ask; the service's query filter (`activeWhere`) is this rule
 * as a query, held to it by the sponsorship tests.
 */
export function isActive(
  sponsorship: Omit<SponsorshipFacts, "sponsorId" | "sponseeId">,
  now: Date,
): boolean {
  return (
    sponsorship.declinedAt === null &&
    sponsorship.endedAt === null &&
    sponsorship.until.getTime() >= startOfDay(now).getTime() &&
    !sponsorship.sponsorLeft &&
    !sponsorship.sponseeLeft
  );
}

export function canReadSponsorship(
  viewer: SponsorshipViewer,
  sponsorship: Pick<SponsorshipFacts, "sponsorId" | "sponseeId">,
): boolean {
  return (
    viewer.isAdmin || viewer.id === sponsorship.sponsorId || viewer.id === sponsorship.sponseeId
  );
}

/** Senior: both levels placed on the ladders' equivalence and the sponsor's band above the sponsee's. */
export function isSenior(sponsorBand: number | null, sponseeBand: number | null): boolean {
  return sponsorBand !== null && sponseeBand !== null && sponsorBand > sponseeBand;
}

/** Why a sponsorship may not be recorded, or null when it may. */
export function sponsorshipRefusal(facts: {
  self: boolean;
  senior: boolean;
  active: number;
  cap: number;
  alreadySponsoring: boolean;
  sponseeActive: boolean;
}): "self" | "not-senior" | "cap" | "already" | "inactive" | null {
  if (facts.self) return "self";
  if (!facts.sponseeActive) return "inactive";
  if (!facts.senior) return "not-senior";
  if (facts.alreadySponsoring) return "already";
  if (facts.active >= facts.cap) return "cap";
  return null;
}

export function canDecline(
  viewer: SponsorshipViewer,
  sponsorship: SponsorshipFacts,
  now: Date,
): boolean {
  return viewer.id === sponsorship.sponseeId && isActive(sponsorship, now);
}

export function canEnd(
  viewer: SponsorshipViewer,
  sponsorship: SponsorshipFacts,
  now: Date,
): boolean {
  return viewer.id === sponsorship.sponsorId && isActive(sponsorship, now);
}

export function canSetCap(viewer: SponsorshipViewer): boolean {
  return viewer.isAdmin;
}
