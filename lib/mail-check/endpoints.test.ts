import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { detectProvider, detectProviderById } from '@/lib/providers/detect';
import { NETEASE_ENTERPRISE } from '@/lib/providers/netease-enterprise';
import { providerEndpointSets, PROVIDERS } from '@/lib/providers/registry';
import { alternativeMatching, isAllowedEndpoint, resolveEndpoints } from './endpoints';

function detected(address: string) {
  const result = detectProvider(address);
  if (!result.ok) throw new Error(`not detected: ${address}`);
  return result;
}

describe('resolveEndpoints', () => {
  it('uses the suffix’s own servers by default and the 163.com set as the alternative', () => {
    const d = detected('wang@126.com');
    const own = resolveEndpoints(d.domain, d.endpoints, d.alternatives, {});
    expect(own).toMatchObject({ ok: true, overridden: false, endpoints: { imap: { host: 'imap.126.com', port: 993 } } });
    const alt = resolveEndpoints(d.domain, d.endpoints, d.alternatives, { alternative: 0 });
    expect(alt).toMatchObject({ ok: true, endpoints: { smtp: { host: 'smtp.163.com', port: 465, tls: 'implicit' } } });
    expect(resolveEndpoints(d.domain, d.endpoints, d.alternatives, { alternative: 1 })).toEqual({
      ok: false,
      error: 'no_such_alternative',
    });
  });

  it('applies a test override for the domain only', () => {
    const { MAIL_ENDPOINT_OVERRIDES: overrides } = parseEnv({
      MAIL_ENDPOINT_OVERRIDES: '{"163.com":{"imap":"127.0.0.1:10993","smtp":{"host":"localhost","port":10587,"tls":"starttls"}}}',
    });
    const d = detected('li@163.com');
    const result = resolveEndpoints(d.domain, d.endpoints, d.alternatives, { overrides });
    expect(result).toEqual({
      ok: true,
      overridden: true,
      endpoints: {
        imap: { host: '127.0.0.1', port: 10993, tls: 'implicit' },
        smtp: { host: 'localhost', port: 10587, tls: 'starttls' },
        pop3: d.endpoints.pop3,
      },
    });
    const other = detected('li@yeah.net');
    expect(resolveEndpoints(other.domain, other.endpoints, other.alternatives, { overrides })).toMatchObject({
      overridden: false,
      endpoints: { imap: { host: 'imap.yeah.net' } },
    });
  });
});

describe('isAllowedEndpoint', () => {
  it('allows provider servers and overridden test servers, nothing else', () => {
    const { MAIL_ENDPOINT_OVERRIDES: overrides } = parseEnv({
      MAIL_ENDPOINT_OVERRIDES: '{"163.com":{"imap":"127.0.0.1:10993"}}',
    });
    expect(isAllowedEndpoint({ host: 'imap.163.com', port: 993, tls: 'implicit' })).toBe(true);
    expect(isAllowedEndpoint({ host: 'SMTP.126.COM', port: 465, tls: 'implicit' })).toBe(true);
    expect(isAllowedEndpoint({ host: 'imap.163.com', port: 22, tls: 'implicit' })).toBe(false);
    expect(isAllowedEndpoint({ host: '127.0.0.1', port: 10993, tls: 'implicit' })).toBe(false);
    expect(isAllowedEndpoint({ host: '127.0.0.1', port: 10993, tls: 'implicit' }, overrides)).toBe(true);
    expect(isAllowedEndpoint({ host: '169.254.169.254', port: 80, tls: 'implicit' }, overrides)).toBe(false);
  });

  it("allows every provider's server sets, NetEase enterprise's custom-domain hosts and alternatives included", () => {
    for (const provider of PROVIDERS) {
      for (const set of providerEndpointSets(provider)) {
        expect(isAllowedEndpoint(set.imap), `${provider.id} ${set.imap.host}`).toBe(true);
        expect(isAllowedEndpoint(set.smtp), `${provider.id} ${set.smtp.host}`).toBe(true);
      }
    }
    expect(isAllowedEndpoint({ host: 'hwhzimap.qiye.163.com', port: 993, tls: 'implicit' })).toBe(true);
    expect(isAllowedEndpoint({ host: 'imaphz.qiye.163.com', port: 993, tls: 'implicit' })).toBe(true);
    expect(isAllowedEndpoint({ host: 'smtp.mail.me.com', port: 587, tls: 'starttls' })).toBe(true);
    // The right host on a port no provider lists is still refused.
    expect(isAllowedEndpoint({ host: 'smtp.mail.me.com', port: 25, tls: 'starttls' })).toBe(false);
  });
});

describe('alternativeMatching: the set a saved account is re-checked on', () => {
  const hosting = NETEASE_ENTERPRISE.customDomains!;
  const [backup, , ym] = hosting.alternatives;
  const enterprise = (address: string, firstImapHost?: string) => {
    const result = detectProviderById(address, NETEASE_ENTERPRISE.id, firstImapHost ? { firstImapHost } : {});
    if (!result.ok) throw new Error(`not detected: ${address}`);
    return result;
  };
  const match = (d: ReturnType<typeof enterprise>, saved: typeof hosting.endpoints) =>
    alternativeMatching(d.domain, d.endpoints, d.alternatives, saved, {});

  it('finds the set by value, in the order the domain’s sets come in at the re-check', () => {
    // A qiye.163.com company: its usual first set, then the others.
    const qiye = enterprise('sun@corp-b.test');
    expect(match(qiye, hosting.endpoints)).toBeUndefined();
    expect(match(qiye, backup!)).toBe(0);
    expect(match(qiye, ym!)).toBe(2);
    // A ym.163.com company, whose MX rule starts with its own servers: the same sets, other places.
    const ymCompany = enterprise('li@corp-ym.test', 'imap.ym.163.com');
    expect(match(ymCompany, ym!)).toBeUndefined();
    expect(match(ymCompany, hosting.endpoints)).toBe(0);
    expect(match(ymCompany, backup!)).toBe(1);
    // Whatever the order, the index found names the saved servers.
    for (const d of [qiye, ymCompany]) {
      for (const saved of [hosting.endpoints, ...hosting.alternatives]) {
        const resolved = resolveEndpoints(d.domain, d.endpoints, d.alternatives, { alternative: match(d, saved) });
        expect(resolved).toMatchObject({ ok: true, endpoints: saved });
      }
    }
  });

  it('falls back to the first set for servers provider data no longer lists, and matches through a test override', () => {
    const d = detected('wang@126.com');
    expect(alternativeMatching(d.domain, d.endpoints, d.alternatives, { imap: { host: 'imap.gone.example', port: 993, tls: 'implicit' }, smtp: d.endpoints.smtp })).toBeUndefined();
    expect(alternativeMatching(d.domain, d.endpoints, d.alternatives, d.alternatives[0]!)).toBe(0);
    const { MAIL_ENDPOINT_OVERRIDES: overrides } = parseEnv({ MAIL_ENDPOINT_OVERRIDES: '{"126.com":{"imap":"127.0.0.1:10993","smtp":"127.0.0.1:10465"}}' });
    const saved = { imap: { host: '127.0.0.1', port: 10993, tls: 'implicit' }, smtp: { host: '127.0.0.1', port: 10465, tls: 'implicit' } } as const;
    expect(alternativeMatching(d.domain, d.endpoints, d.alternatives, saved, overrides)).toBeUndefined();
  });
});
