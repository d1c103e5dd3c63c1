import { describe, expect, it } from 'vitest';
import type { StoredCheckResult } from '@/lib/db/schema';
import { DIAGNOSES } from '@/lib/mail-check/diagnosis';
import { diagnosisOfStoredResult } from './view-mapping';

// /accounts explains a stored failure again on every visit: in the words of the account's own
// provider, as the wizard did right after the check.

function failedAt(code: string, stage: string): StoredCheckResult {
  return {
    ok: false,
    checkedAt: '2026-11-28T10:00:00.000Z',
    durationMs: 120,
    banSignal: false,
    imap: { ok: false, durationMs: 100, endpoint: { host: 'imap.example', port: 993, tls: 'implicit' }, code, stage },
    smtp: { ok: true, durationMs: 100, endpoint: { host: 'smtp.example', port: 465, tls: 'implicit' } },
  };
}

describe('diagnosisOfStoredResult', () => {
  it("uses the account's provider's own wording for a refused login", () => {
    const stored = failedAt('auth_failed', 'login');
    expect(diagnosisOfStoredResult(stored, 'netease')?.title).toEqual(DIAGNOSES.auth_failed.title);
    expect(diagnosisOfStoredResult(stored, 'icloud')?.title.zh).toContain('iCloud');
    const sohu = diagnosisOfStoredResult(stored, 'sohu');
    expect(sohu?.checklist.map((item) => item.zh).join('\n')).toContain('IP 白名单');
    const qq = diagnosisOfStoredResult(stored, 'qq');
    expect(qq?.checklist.map((item) => item.zh).join('\n')).toContain('QQ 密码');
    expect(qq?.checklist.map((item) => item.zh).join('\n')).not.toContain('126.com');
  });

  it("keeps the provider's wait advice and guide step for its own failure codes", () => {
    const limited = diagnosisOfStoredResult(failedAt('auth_failed_or_limited', 'login'), 'qq');
    expect(limited).toMatchObject({ code: 'auth_failed_or_limited', waitMinutes: 15, guideStep: 'enable-service-and-get-code' });
  });

  it('falls back to the general wording for a provider no longer registered, and ignores unknown codes', () => {
    expect(diagnosisOfStoredResult(failedAt('auth_failed', 'login'), 'gone')?.title).toEqual(DIAGNOSES.auth_failed.title);
    expect(diagnosisOfStoredResult(failedAt('no_such_code', 'login'), 'qq')).toBeNull();
    expect(diagnosisOfStoredResult(null, 'qq')).toBeNull();
  });
});
