import { describe, expect, it } from 'vitest';
import { formatRetryTime } from '@/components/wizard/lockout';
import { formatRetryClock } from './time';

// The lockout's "come back at" time, as /accounts (China time) and the wizard (the reader's zone)
// write it: the bare time today, the date as well when it falls on another day.

const at = (iso: string) => Date.parse(iso);

describe('formatRetryClock (/accounts, Asia/Shanghai)', () => {
  it('writes the time alone on the same day', () => {
    expect(formatRetryClock('2026-03-02T02:20:00Z', 'zh', at('2026-03-02T02:00:00Z'))).toBe('10:20');
    expect(formatRetryClock('2026-03-02T02:20:00Z', 'en', at('2026-03-02T02:00:00Z'))).toBe('10:20');
  });

  it('adds the date when the time is after midnight in China, whatever the UTC date says', () => {
    // 23:50 → 00:10 in Shanghai; in UTC both are on 2 March.
    expect(formatRetryClock('2026-03-02T16:10:00Z', 'zh', at('2026-03-02T15:50:00Z'))).toBe('3月3日 00:10');
    expect(formatRetryClock('2026-03-02T16:10:00Z', 'en', at('2026-03-02T15:50:00Z'))).toBe('Mar 3, 00:10');
  });
});

describe('formatRetryTime (the wizard, the reader’s time zone)', () => {
  it('writes the time alone on the same day, and the date too on the next', () => {
    expect(formatRetryTime(at('2026-03-02T02:20:00Z'), 'zh', at('2026-03-02T02:00:00Z'), 'Asia/Shanghai')).toBe('10:20');
    expect(formatRetryTime(at('2026-03-02T16:10:00Z'), 'zh', at('2026-03-02T15:50:00Z'), 'Asia/Shanghai')).toBe('3月3日 00:10');
  });

  it('decides "today" in the reader’s zone, not the server’s', () => {
    // 16:10 UTC on 2 March is still 2 March in New York (11:10), next morning in Shanghai.
    expect(formatRetryTime(at('2026-03-02T16:10:00Z'), 'zh', at('2026-03-02T15:50:00Z'), 'America/New_York')).toBe('11:10');
  });
});
