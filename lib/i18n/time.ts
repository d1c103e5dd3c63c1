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
