import { describe, expect, it } from 'vitest';
import { diagnose } from '@/lib/mail-check/diagnosis';
import { detectProvider, detectProviderById } from '@/lib/providers/detect';
import { NETEASE_ENTERPRISE } from '@/lib/providers/netease-enterprise';
import { fallbackOffer } from './fallback-offer';
import type { ProtocolView } from '@/lib/accounts/contract';
import { decodeShownResult, type ShownResult } from './client/stores';

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
const failed = (alternative?: number, address = 'zhao@126.com'): ShownResult => ({
  status: 'checked',
  address,
  ok: false,
  imap: refused,
  smtp: refused,
  saved: false,
  ...(alternative !== undefined ? { alternative } : {}),
});

/** The address as the wizard sees it once typed: normalised, with its provider's fallback sets. */
function typed(address: string) {
  const detected = detectProvider(address);
  if (!detected.ok) throw new Error(`${address} is not detected`);
  return { address: detected.address, alternatives: detected.alternatives };
}

describe('fallbackOffer', () => {
  it.each(['zhao@126.com', 'zhao@yeah.net'])('offers nothing for %s before any check, after a refusal of the check, or after a pass', (address) => {
    const current = typed(address);
    expect(current.alternatives).toHaveLength(1);
    expect(fallbackOffer(null, current)).toEqual({ kind: 'none' });
    expect(fallbackOffer({ status: 'signed_out' }, current)).toEqual({ kind: 'none' });
    expect(fallbackOffer({ status: 'refused', reason: 'mailbox_locked', retryAt: new Date().toISOString() }, current)).toEqual({
      kind: 'none',
    });
    expect(fallbackOffer({ status: 'checked', address, ok: true, imap: passed, smtp: passed, saved: true }, current)).toEqual({ kind: 'none' });
  });

  it.each(['zhao@126.com', 'zhao@yeah.net'])('offers the 163.com servers for %s once a check of its own servers failed', (address) => {
    const offer = fallbackOffer(failed(undefined, address), typed(address));
    expect(offer).toMatchObject({ kind: 'offer', index: 0 });
    if (offer.kind === 'none') throw new Error('unreachable');
    expect([offer.fallback.imap.host, offer.fallback.smtp.host]).toEqual(['imap.163.com', 'smtp.163.com']);
  });

  it('offers nothing after another address’s failure: the result outlives what is typed', () => {
    // a@126.com failed; b@yeah.net or b@126.com typed since has failed nothing yet.
    expect(fallbackOffer(failed(undefined, 'a@126.com'), typed('b@yeah.net'))).toEqual({ kind: 'none' });
    expect(fallbackOffer(failed(undefined, 'a@126.com'), typed('b@126.com'))).toEqual({ kind: 'none' });
    expect(fallbackOffer(failed(0, 'a@126.com'), typed('b@126.com'))).toEqual({ kind: 'none' });
    // Nor while nothing is recognised in the field.
    expect(fallbackOffer(failed(undefined, 'a@126.com'), null)).toEqual({ kind: 'none' });
    // The same mailbox typed otherwise is the same address once normalised.
    expect(fallbackOffer(failed(undefined, 'a@126.com'), typed(' A@126.COM '))).toMatchObject({ kind: 'offer', index: 0 });
  });

  it('offers nothing when the own servers accepted the IMAP login and only SMTP failed', () => {
    expect(
      fallbackOffer({ status: 'checked', address: 'zhao@126.com', ok: false, imap: passed, smtp: refused, saved: false }, typed('zhao@126.com')),
    ).toEqual({ kind: 'none' });
  });

  it('says the fallback was used when the failed check ran on it, so the reader can go back', () => {
    expect(fallbackOffer(failed(0), typed('zhao@126.com'))).toMatchObject({ kind: 'used', index: 0 });
    // A pick that provider data no longer has is not offered again.
    expect(fallbackOffer(failed(3), typed('zhao@126.com'))).toEqual({ kind: 'none' });
  });

  it('offers nothing where provider data has no fallback: @163.com itself, QQ', () => {
    expect(fallbackOffer(failed(undefined, 'zhao@163.com'), typed('zhao@163.com'))).toEqual({ kind: 'none' });
    expect(fallbackOffer(failed(undefined, 'zhao@qq.com'), typed('zhao@qq.com'))).toEqual({ kind: 'none' });
  });

  it('offers NetEase enterprise’s other server group first, after a failure too', () => {
    const current = { address: 'sun@corp-a.test', alternatives: NETEASE_ENTERPRISE.customDomains!.alternatives };
    const offer = fallbackOffer(failed(undefined, 'sun@corp-a.test'), current);
    expect(offer).toMatchObject({ kind: 'offer', index: 0, fallback: { imap: { host: 'imap.qiye.163.com' } } });
  });

  it('offers a ym.163.com company the qiye.163.com group its MX rule put after its own servers', () => {
    const detected = detectProviderById('li@corp-ym.test', NETEASE_ENTERPRISE.id, { firstImapHost: 'imap.ym.163.com' });
    if (!detected.ok) throw new Error('unreachable');
    const offer = fallbackOffer(failed(undefined, 'li@corp-ym.test'), { address: detected.address, alternatives: detected.alternatives });
    expect(offer).toMatchObject({ kind: 'offer', index: 0, fallback: { imap: { host: 'hwhzimap.qiye.163.com' } } });
  });
});

describe('the stored result, read back after a reload', () => {
  it('keeps a check’s result only when it says which address it was for', () => {
    const withAddress = failed(undefined, 'zhao@126.com');
    expect(decodeShownResult(JSON.parse(JSON.stringify(withAddress)))).toEqual(withAddress);
    // Stored before results named their address: whose it was is unknown, so it is dropped.
    const older: Record<string, unknown> = { ...withAddress };
    delete older.address;
    expect(decodeShownResult(older)).toBeUndefined();
    expect(decodeShownResult({ status: 'refused', reason: 'mailbox_locked', retryAt: '2026-03-02T02:00:00.000Z' })).toMatchObject({ status: 'refused' });
    expect(decodeShownResult({ status: 'invalid', fieldErrors: {} })).toBeUndefined();
    expect(decodeShownResult('checked')).toBeUndefined();
  });
});
