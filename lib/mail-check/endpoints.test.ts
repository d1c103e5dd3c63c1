import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { detectProvider } from '@/lib/providers/detect';
import { providerEndpointSets, PROVIDERS } from '@/lib/providers/registry';
import { isAllowedEndpoint, resolveEndpoints } from './endpoints';

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
