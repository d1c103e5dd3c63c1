import { afterEach, describe, expect, it } from 'vitest';
import { formatClock, formatRelative, formatTime, READER_TIME_ZONE } from './time';

// One moment, written the same wherever the server or the browser runs: China time unless a
// zone is named, on a 24-hour clock. /accounts and the support console both write it this way.

const AT = '2026-12-07T00:54:03Z'; // 08:54:03 in Shanghai, the evening before in New York
const machineZone = process.env.TZ;

afterEach(() => {
  if (machineZone === undefined) delete process.env.TZ;
  else process.env.TZ = machineZone;
});

describe('formatTime', () => {
  it.each(['UTC', 'America/New_York', 'Asia/Shanghai'])('writes China time on a machine set to %s', (zone) => {
    process.env.TZ = zone;
    expect(formatTime(AT, 'zh', 'dateTime')).toBe('2026年12月7日 08:54');
    expect(formatTime(AT, 'en', 'dateTime')).toBe('Dec 7, 2026, 08:54');
    expect(formatTime(AT, 'zh', 'dayTimeSeconds')).toBe('12月7日 08:54:03');
    expect(formatTime(AT, 'en', 'dayTimeSeconds')).toBe('Dec 7, 08:54:03');
    expect(formatTime(AT, 'zh', 'clockSeconds')).toBe('08:54:03');
    expect(formatTime(AT, 'en', 'clockSeconds')).toBe('08:54:03');
    expect(formatTime(AT, 'zh', 'clock')).toBe('08:54');
    expect(formatTime(AT, 'en', 'clock')).toBe('08:54');
  });

  it('takes the moment as text, milliseconds or a Date alike', () => {
    expect(formatTime(Date.parse(AT), 'zh', 'clockSeconds')).toBe('08:54:03');
    expect(formatTime(new Date(AT), 'zh', 'clockSeconds')).toBe('08:54:03');
  });

  it('writes another zone when one is named, still on a 24-hour clock', () => {
    expect(READER_TIME_ZONE).toBe('Asia/Shanghai');
    expect(formatTime(AT, 'en', 'dayTimeSeconds', 'America/New_York')).toBe('Dec 6, 19:54:03');
    expect(formatTime(AT, 'zh', 'clockSeconds', 'UTC')).toBe('00:54:03');
  });
});

describe('formatClock', () => {
  it('writes the clock alone on the same day, the day in front on another, deciding "today" in the zone', () => {
    // 08:54 in Shanghai on 7 December; the evening before (19:54 on 6 December) in New York.
    expect(formatClock(AT, 'en', Date.parse('2026-12-07T00:30:00Z'))).toBe('08:54');
    expect(formatClock(AT, 'zh', Date.parse('2026-12-06T15:00:00Z'))).toBe('12月7日 08:54');
    expect(formatClock(AT, 'en', Date.parse('2026-12-06T15:00:00Z'), 'America/New_York')).toBe('19:54');
  });
});

describe('formatRelative', () => {
  it('counts whole minutes, hours and days back, and calls anything closer "now"', () => {
    const now = Date.parse(AT);
    expect(formatRelative('2026-12-07T00:51:00Z', now, 'zh')).toBe('3分钟前');
    expect(formatRelative('2026-12-06T22:00:00Z', now, 'en')).toBe('2 hours ago');
    expect(formatRelative('2026-12-05T00:00:00Z', now, 'en')).toBe('2 days ago');
    expect(formatRelative('2026-12-07T00:53:30Z', now, 'en')).toBe('now');
  });
});
