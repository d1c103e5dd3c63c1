import { describe, expect, it } from 'vitest';
import { diagnose } from '@/lib/mail-check/diagnosis';
import { detectProvider } from '@/lib/providers/detect';
import { NETEASE_ENTERPRISE } from '@/lib/providers/netease-enterprise';
import { fallbackOffer } from './fallback-offer';
import type { ProtocolView, SubmitResult } from './types';

// When the wizard may show the fallback servers, from the real provider data: only after a
// check failed, never before one and never after one passed.

const endpoint = { host: 'imap.126.com', port: 993, tls: 'implicit' } as const;
const passed: ProtocolView = { ok: true, durationMs: 800, endpoint };
const refused: ProtocolView = {
  ok: false,
  durationMs: 900,
  endpoint,
  code: 'auth_failed',
  stage: 'login',
  diagnosis: diagnose('auth_failed', 'login'),
};
const failed = (alternative?: number): SubmitResult => ({
  status: 'checked',
  ok: false,
  imap: refused,
  smtp: refused,
  saved: false,
  ...(alternative !== undefined ? { alternative } : {}),
});

function alternativesOf(address: string) {
  const detected = detectProvider(address);
  if (!detected.ok) throw new Error(`${address} is not detected`);
  return detected.alternatives;
}

describe('fallbackOffer', () => {
  it.each(['zhao@126.com', 'zhao@yeah.net'])('offers nothing for %s before any check, after a refusal of the check, or after a pass', (address) => {
    const alternatives = alternativesOf(address);
    expect(alternatives).toHaveLength(1);
    expect(fallbackOffer(null, alternatives)).toEqual({ kind: 'none' });
    expect(fallbackOffer({ status: 'signed_out' }, alternatives)).toEqual({ kind: 'none' });
    expect(fallbackOffer({ status: 'refused', reason: 'mailbox_locked', retryAt: new Date().toISOString() }, alternatives)).toEqual({
      kind: 'none',
    });
    expect(fallbackOffer({ status: 'checked', ok: true, imap: passed, smtp: passed, saved: true }, alternatives)).toEqual({ kind: 'none' });
  });

  it.each(['zhao@126.com', 'zhao@yeah.net'])('offers the 163.com servers for %s once a check of its own servers failed', (address) => {
    const offer = fallbackOffer(failed(), alternativesOf(address));
    expect(offer).toMatchObject({ kind: 'offer', index: 0 });
    if (offer.kind === 'none') throw new Error('unreachable');
    expect([offer.fallback.imap.host, offer.fallback.smtp.host]).toEqual(['imap.163.com', 'smtp.163.com']);
  });

  it('offers nothing when the own servers accepted the IMAP login and only SMTP failed', () => {
    expect(fallbackOffer({ status: 'checked', ok: false, imap: passed, smtp: refused, saved: false }, alternativesOf('zhao@126.com'))).toEqual({
      kind: 'none',
    });
  });

  it('says the fallback was used when the failed check ran on it, so the reader can go back', () => {
    expect(fallbackOffer(failed(0), alternativesOf('zhao@126.com'))).toMatchObject({ kind: 'used', index: 0 });
    // A pick that provider data no longer has is not offered again.
    expect(fallbackOffer(failed(3), alternativesOf('zhao@126.com'))).toEqual({ kind: 'none' });
  });

  it('offers nothing where provider data has no fallback: @163.com itself, QQ', () => {
    expect(fallbackOffer(failed(), alternativesOf('zhao@163.com'))).toEqual({ kind: 'none' });
    expect(fallbackOffer(failed(), alternativesOf('zhao@qq.com'))).toEqual({ kind: 'none' });
  });

  it('offers NetEase enterprise’s other server group first, after a failure too', () => {
    const offer = fallbackOffer(failed(), NETEASE_ENTERPRISE.customDomains!.alternatives);
    expect(offer).toMatchObject({ kind: 'offer', index: 0, fallback: { imap: { host: 'imap.qiye.163.com' } } });
  });
});
