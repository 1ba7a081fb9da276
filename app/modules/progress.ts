/**
 * How far one side of an assessment (self or manager) has got: nothing yet, a draft, or
 * submitted. Pure, beside days.ts: review cycles count it, the team page flags it and the to-do
 * list words it.
 */
export type Progress = 0 | 1 | 2;
export const NONE: Progress = 0;
export const DRAFT: Progress = 1;
export const SUBMITTED: Progress = 2;
