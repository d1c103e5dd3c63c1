import { afterEach, describe, expect, it } from 'vitest';
import { formatRelative, formatTime, READER_TIME_ZONE } from './time';

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

describe('formatRelative', () => {
  it('counts whole minutes, hours and days back, and calls anything closer "now"', () => {
    const now = Date.parse(AT);
    expect(formatRelative('2026-12-07T00:51:00Z', now, 'zh')).toBe('3分钟前');
    expect(formatRelative('2026-12-06T22:00:00Z', now, 'en')).toBe('2 hours ago');
    expect(formatRelative('2026-12-05T00:00:00Z', now, 'en')).toBe('2 days ago');
    expect(formatRelative('2026-12-07T00:53:30Z', now, 'en')).toBe('now');
  });
});
