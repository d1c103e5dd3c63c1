// The headers next.config.ts adds to every response, resolved the way Next resolves them (its
// own `has` matcher), for a request over http and one over https. The browser tests see the
// same on a running server (e2e/home.spec.ts); here the rules are checked without one.
import { matchHas } from 'next/dist/shared/lib/router/utils/prepare-destination';
import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config';
import { HSTS, NON_PAGE_POLICY } from './content-security-policy';

/** Every header next.config.ts gives a request with these headers (all rules match every path). */
async function configHeaders(requestHeaders: Record<string, string>): Promise<Map<string, string>> {
  const rules = (await nextConfig.headers?.()) ?? [];
  const applied = new Map<string, string>();
  for (const rule of rules) {
    expect(rule.source).toBe('/:path*');
    const request = { headers: requestHeaders } as unknown as Parameters<typeof matchHas>[0];
    if (!matchHas(request, {}, rule.has, rule.missing)) continue;
    for (const { key, value } of rule.headers) applied.set(key, value);
  }
  return applied;
}

describe('next.config.ts headers', () => {
  it('gives every response the non-page policy and the other security headers', async () => {
    const headers = await configHeaders({ 'x-forwarded-proto': 'http' });
    expect(headers.get('content-security-policy')).toBe(NON_PAGE_POLICY);
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('permissions-policy')).toContain('camera=()');
  });

  it('adds HSTS when the server decided the request came over https, and only then', async () => {
    expect((await configHeaders({ 'x-forwarded-proto': 'https' })).get('strict-transport-security')).toBe(HSTS);
    for (const proto of ['http', 'xhttps', 'https, http', 'HTTPS']) {
      expect((await configHeaders({ 'x-forwarded-proto': proto })).has('strict-transport-security'), proto).toBe(false);
    }
    expect((await configHeaders({})).has('strict-transport-security')).toBe(false);
  });

  it('names headers in lower case, as the proxy does, so its page policy replaces this one', async () => {
    // Next collects the config's headers and then the proxy's in one object keyed by name: the
    // same spelling makes the proxy's value replace this one in place, whatever writes the
    // object out afterwards.
    for (const rule of (await nextConfig.headers?.()) ?? []) {
      for (const { key } of rule.headers) expect(key).toBe(key.toLowerCase());
    }
  });
});
