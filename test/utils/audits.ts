import type { ListedAudit } from "~/modules/equity/audit";

/**
 * An audit as a page lists it, less its words and its count of unlisted groups: what `equityAudit`
 * gives for the same units, where every group is listed (the tests' audits have few).
 */
export const withoutLabels = (audit: ListedAudit) => ({
  ...audit,
  dimensions: audit.dimensions.map(({ unlisted: _unlisted, ...dimension }) => ({
    ...dimension,
    groups: dimension.groups.map(({ label: _label, ...group }) => group),
  })),
});
