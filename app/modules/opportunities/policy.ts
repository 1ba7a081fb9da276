/**
 * Who may post, see and act on stretch opportunities, and who reads what about them. Pure rules
 * from facts the service gathers. Managers post, and so does anyone an admin allows. An open
 * opportunity is everyone's to see; once decided or withdrawn, its poster's, the people who
 * expressed interest and their managers'. An interest note is read by its person, the poster and
 * the manager who was told of it; the reason for a choice by the poster and each person who
 * expressed interest. Admins run who may post, and read no note or reason they are not part of.
 * Anyone else gets a 404, as if the thing did not exist.
 */
export const OPPORTUNITY_KINDS = ["project", "rotation", "gig"] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

export const OPPORTUNITY_STATUSES = ["open", "chosen", "withdrawn"] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export type OpportunityViewer = { id: string; isAdmin: boolean };

/** Posting: managers (anyone with a direct report) and the people an admin allows. */
export function canPostOpportunity(facts: { isManager: boolean; allowed: boolean }): boolean {
  return facts.isManager || facts.allowed;
}

export function canManagePosters(viewer: OpportunityViewer): boolean {
  return viewer.isAdmin;
}

/** `posterLeft`: the poster has left the organisation, so nobody is left to choose. */
export type OpportunityFacts = { posterId: string; status: OpportunityStatus; posterLeft: boolean };

/** Offered to everyone: open, with a poster still here to choose. OFFERED is this rule as a query, for every list of them. */
function isOffered(opportunity: OpportunityFacts): boolean {
  return opportunity.status === "open" && !opportunity.posterLeft;
}

/** isOffered as a query: the opportunities page's list, and what a sponsor may advocate for. */
export const OFFERED = { status: "open", poster: { deactivatedAt: null } } as const;
/** The viewer's part in an opportunity: whether they expressed interest, and whether someone who did reports to them. */
export type InvolvementFacts = { interested: boolean; managesSomeoneInterested: boolean };

export function canSeeOpportunity(
  viewer: OpportunityViewer,
  opportunity: OpportunityFacts,
  involvement: InvolvementFacts,
): boolean {
  if (isOffered(opportunity)) return true;
  return (
    viewer.id === opportunity.posterId ||
    involvement.interested ||
    involvement.managesSomeoneInterested
  );
}

/** Expressing interest: anyone but the poster, while the opportunity is offered. */
export function canExpressInterest(
  viewer: OpportunityViewer,
  opportunity: OpportunityFacts,
): boolean {
  return isOffered(opportunity) && viewer.id !== opportunity.posterId;
}

/** Choosing someone, or withdrawing: the poster, while it is open. */
export function canDecide(viewer: OpportunityViewer, opportunity: OpportunityFacts): boolean {
  return opportunity.status === "open" && viewer.id === opportunity.posterId;
}

export type InterestFacts = { personId: string; managerId: string | null };

/** An interest and its note: its person, the poster, and the manager who was told of it. */
export function canReadInterest(
  viewer: OpportunityViewer,
  opportunity: OpportunityFacts,
  interest: InterestFacts,
): boolean {
  return (
    viewer.id === interest.personId ||
    viewer.id === opportunity.posterId ||
    (interest.managerId !== null && viewer.id === interest.managerId)
  );
}

/** The reason a choice was made: the poster who gave it and each person who expressed interest, told it whether chosen or not. */
export function canReadReason(
  viewer: OpportunityViewer,
  opportunity: OpportunityFacts,
  viewerInterested: boolean,
): boolean {
  return viewer.id === opportunity.posterId || viewerInterested;
}

/** Evidence of the work on it: only the person chosen, against their own career evidence. */
export function canRecordWorkEvidence(
  viewer: OpportunityViewer,
  interest: InterestFacts & { outcome: string | null },
): boolean {
  return viewer.id === interest.personId && interest.outcome === "chosen";
}
