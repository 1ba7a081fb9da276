/**
 * How long a transaction that writes many rows may wait for and hold its connection. Prisma's
 * default (5 s) suits a page's own writes; these are the larger ones, one shared value per size.
 */

/** A write over many rows of one piece of work (a calibration session's entries, a matching run's pairs): a minute. */
export const LARGE_WRITE = { maxWait: 10_000, timeout: 60_000 };

/** A write of one row or more per person of the organisation (a people import, a cycle's participants, a promotion window's eligible people): two minutes, about 54 s measured at 200,000 people. */
export const ORGANISATION_WRITE = { maxWait: 15_000, timeout: 120_000 };
