import { languageTag, type Locale } from './locale';

// Every moment the app shows, written one way: in the reader's time zone, China Standard Time
// unless a caller names another, on a 24-hour clock. Most readers (mailbox owners and support
// staff alike) live there, so /accounts and the support console write the same moment the same
// way; and a fixed zone renders the same on the server as in the browser, whatever either
// machine's own zone, so a time rendered on the server never changes when the page hydrates.

export const READER_TIME_ZONE = 'Asia/Shanghai';

/** An ISO 8601 text, milliseconds since the epoch, or a Date. */
export type Instant = string | number | Date;

const STYLES = {
  /** "2026年12月7日 08:25", "Dec 7, 2026, 08:25": /accounts' checks and status changes. */
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** "12月7日 08:25:03", "Dec 7, 08:25:03": the console's check attempts, a day or two back. */
  dayTimeSeconds: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' },
  /** "08:25:03": the console's "updated at" of a session followed live. */
  clockSeconds: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  /** "08:25": a time later today (the help code's end, a lockout's). */
  clock: { hour: '2-digit', minute: '2-digit' },
  /** "12月8日 08:25", "Dec 8, 08:25": a lockout's end on another day. */
  dayClock: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

export type TimeStyle = keyof typeof STYLES;

// A live view formats its times every second: one formatter per language, style and zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `instant` in `style`, in `locale`'s words, as a clock in `timeZone` shows it. */
export function formatTime(instant: Instant, locale: Locale, style: TimeStyle, timeZone: string = READER_TIME_ZONE): string {
  const key = `${locale}|${style}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(languageTag(locale), { ...STYLES[style], hourCycle: 'h23', timeZone });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(instant));
}

// The calendar day of a moment in a zone, as "2026-12-07": two moments on the same day compare equal.
const dayOf = (instant: Instant, timeZone: string): string => {
  const key = `day|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(instant));
};

/**
 * A time to come back at: the clock alone ("10:20") when it falls on the day of `nowMs`, the day
 * in front ("3月3日 00:10", "Mar 3, 00:10") when it does not, both as a clock in `timeZone` shows
 * them, so "today" is the reader's and not the server's.
 */
export function formatClock(instant: Instant, locale: Locale, nowMs: number = Date.now(), timeZone: string = READER_TIME_ZONE): string {
  return formatTime(instant, locale, dayOf(instant, timeZone) === dayOf(nowMs, timeZone) ? 'clock' : 'dayClock', timeZone);
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 分钟前" / "3 minutes ago"; under a minute reads as "now". The same in every zone. */
export function formatRelative(instant: Instant, nowMs: number, locale: Locale): string {
  const diff = new Date(instant).getTime() - nowMs;
  const rtf = new Intl.RelativeTimeFormat(languageTag(locale), { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(diff) >= size) return rtf.format(Math.trunc(diff / size), unit);
  }
  return rtf.format(0, 'second');
}
