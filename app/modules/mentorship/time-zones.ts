/**
 * Time zones as participants give them: an offset from UTC, one of those in use somewhere
 * (whole hours, and the half and quarter hours of India, Nepal, Newfoundland, parts of
 * Australia and a few islands). Matching compares offsets on the 24-hour clock (rules.ts).
 */
export const UTC_OFFSETS_MINUTES: readonly number[] = [
  -720, -660, -600, -570, -540, -480, -420, -360, -300, -240, -210, -180, -120, -60, 0, 60, 120, 180, 210, 240, 270, 300, 330, 345, 360, 390, 420, 480, 525,
  540, 570, 600, 630, 660, 720, 765, 780, 840,
];

export function isUtcOffset(minutes: number): boolean {
  return UTC_OFFSETS_MINUTES.includes(minutes);
}

/** "UTC+05:30", "UTC−03:00", "UTC±00:00". */
export function utcOffsetLabel(minutes: number): string {
  const sign = minutes > 0 ? "+" : minutes < 0 ? "−" : "±";
  const whole = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(whole / 60)).padStart(2, "0")}:${String(whole % 60).padStart(2, "0")}`;
}
