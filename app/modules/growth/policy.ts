/**
 * Who may change a person's growth plan. Pure rules, like assessments/policy.ts.
 * Reading the plan needs nothing more than seeing the person (`canViewPerson` in
 * auth/policy.ts): it is part of their growth pages.
 */
export type PlanViewer = { id: string; isAdmin: boolean };

/** The person themselves, or an admin. Their manager chain reads the plan but does not set it. */
export function canChangeGrowthPlan(viewer: PlanViewer, personId: string): boolean {
  return viewer.id === personId || viewer.isAdmin;
}
