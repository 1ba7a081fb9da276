/** The smallest group whose figures are shown; smaller groups are suppressed (people could be identified, and the figure is noise). */
export const SMALL_GROUP_FLOOR = 4;
