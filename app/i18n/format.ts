import { localeOf, type PageLanguage } from "./languages";

/**
 * Numbers, percentages, days, times and sorting in a language, times on a time zone's clock: the
 * one place Rungs makes its `Intl` formatters. Each is made once per language, style and zone and
 * kept, since making one costs far more than using it; a page asks for them with `useFormats()`
 * (app/i18n/use-formats.ts), a loader or a module with `formatsFor(language, timeZone)`.
 */
const kept = new Map<
  string,
  Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator | Intl.ListFormat
>();

function keep<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator | Intl.ListFormat>(
  key: string,
  make: () => T,
): T {
  let made = kept.get(key) as T | undefined;
  if (!made) kept.set(key, (made = make()));
  return made;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * What each date formatter has written, by the unit it shows (a day in UTC, or a minute of a clock:
 * today's zones are whole minutes apart), so the unit's number is the whole key: a page writes the same
 * days and times many times (an evidence list, a loop's interviews), and writing one costs
 * microseconds where finding it costs nanoseconds. Bounded, since an export may write years of days.
 */
const written = new Map<string, Map<number, string>>();

function write(key: string, make: () => Intl.DateTimeFormat, at: number, unit: number): string {
  let texts = written.get(key);
  if (!texts) written.set(key, (texts = new Map()));
  const whole = Math.floor(at / unit);
  let text = texts.get(whole);
  if (text === undefined) {
    // An invalid date throws here, as the formatter always has.
    text = keep(key, make).format(at);
    if (texts.size >= 10_000) texts.clear();
    texts.set(whole, text);
  }
  return text;
}

export type Formats = ReturnType<typeof made>;

/** Each language and zone's formatters, made once: every component that writes a figure asks. */
const madeFor = new Map<string, Formats>();

export function formatsFor(language: PageLanguage, timeZone: string): Formats {
  const key = `${language} ${timeZone}`;
  let formats = madeFor.get(key);
  if (!formats) madeFor.set(key, (formats = made(language, timeZone)));
  return formats;
}

function made(language: PageLanguage, timeZone: string) {
  const locale = localeOf(language);
  return {
    locale,
    /**
     * 1234.5 → "1,234.5" in English, "1.234,5" in German. Given digits, always that many (a mean of
     * 5 reads "5.0" beside one of 4.5), as figures in a column are read against each other.
     */
    number: (value: number, digits = 0) =>
      keep(
        `n ${locale} ${digits}`,
        () =>
          new Intl.NumberFormat(locale, {
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }),
      ).format(value),
    /** A value as it was measured or typed (a key result's 3087.5 ms): "3,087.5", up to three decimals. */
    measure: (value: number) =>
      keep(`v ${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 3 })).format(
        value,
      ),
    /** A share (0.42) as a percentage: "42%" in English, "42 %" in German and French. */
    percent: (share: number, digits = 0) =>
      keep(
        `p ${locale} ${digits}`,
        () => new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: digits }),
      ).format(share),
    /** A calendar day, stored as midnight UTC or written YYYY-MM-DD: "18 Dec 2026", "18.12.2026". */
    day: (day: Date | string) =>
      write(
        `d ${locale}`,
        () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }),
        typeof day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(day)
          ? Date.parse(`${day}T00:00:00.000Z`)
          : new Date(day).getTime(),
        DAY_MS,
      ),
    /** A calendar day's month and year, read as `day` reads the day: "May 2026", "Mai 2026". */
    month: (day: Date | string) =>
      write(
        `m ${locale}`,
        () => new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" }),
        typeof day === "string" && /^\d{4}-\d{2}(-\d{2})?$/.test(day)
          ? Date.parse(`${day.slice(0, 7)}-01T00:00:00.000Z`)
          : new Date(day).getTime(),
        DAY_MS,
      ),
    /** A calendar day's weekday, short, read as `day` reads the day: "Wed", "Mi", "mer.". */
    weekday: (day: Date | string) =>
      write(
        `w ${locale}`,
        () => new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }),
        new Date(day).getTime(),
        DAY_MS,
      ),
    /** An instant on the time zone's clock, the zone named: "30 Mar 2026, 10:00 (Europe/Berlin)". */
    dateTime: (instant: Date | string, style: "full" | "medium" = "medium") =>
      `${write(`dt ${locale} ${style} ${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeStyle: "short", timeZone }), new Date(instant).getTime(), MINUTE_MS)} (${timeZone})`,
    /** The time of day on the time zone's clock, the zone named: "10:00 (Europe/Berlin)". */
    timeOfDay: (instant: Date | string) =>
      `${write(`t ${locale} ${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone }), new Date(instant).getTime(), MINUTE_MS)} (${timeZone})`,
    /**
     * A time of day on no particular day or clock (the digest's hour), as the language writes
     * every time it shows: "09:00", "9:00" in Spanish. Messages never write a time themselves.
     */
    clock: (hour: number, minute = 0) =>
      keep(
        `k ${locale}`,
        () => new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "UTC" }),
      ).format(new Date(Date.UTC(2000, 0, 1, hour, minute))),
    /** Names as a list: "A, B and C" in English, "A, B et C" in French, each language's own joining words (Arabic joins every name with و). */
    list: (items: readonly string[]) =>
      keep(`l ${locale}`, () => new Intl.ListFormat(locale, { type: "conjunction" })).format(items),
    /** Names in the language's alphabetical order ("Ärger" between "Apfel" and "Zebra" in German). */
    compare: (a: string, b: string) =>
      keep(`c ${locale}`, () => new Intl.Collator(locale)).compare(a, b),
  };
}
