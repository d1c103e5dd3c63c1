// The page policy and the non-page policy as a browser would read them: one directive per name,
// the nonce where Next and the browser look for it, nothing that re-opens inline script or eval.
import { describe, expect, it } from 'vitest';
import { NON_PAGE_POLICY, newNonce, nonceOf, pagePolicy } from './content-security-policy';

/** A policy as name → sources, the way a browser parses it (the first directive of a name wins). */
function parse(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name)) directives.set(name, sources);
  }
  return directives;
}

describe('pagePolicy', () => {
  const nonce = 'bm9uY2Utb2YtdGhpcy10ZXN0';

  it('runs only scripts with this response’s nonce and what they load', () => {
    const policy = parse(pagePolicy({ nonce, https: false }));
    expect(policy.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
  });

  it('allows no eval and no inline script or style in production', () => {
    const text = pagePolicy({ nonce, https: true });
    expect(text).not.toContain('unsafe-eval');
    expect(text).not.toContain('unsafe-inline');
    expect(parse(text).get('style-src')).toEqual(["'self'"]);
  });

  it('loads images, fonts and connections from the app only, and nothing may frame it', () => {
    const policy = parse(pagePolicy({ nonce, https: false }));
    expect(policy.get('img-src')).toEqual(["'self'"]);
    expect(policy.get('font-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it('upgrades insecure requests only on a page served over https', () => {
    expect(parse(pagePolicy({ nonce, https: true })).has('upgrade-insecure-requests')).toBe(true);
    expect(parse(pagePolicy({ nonce, https: false })).has('upgrade-insecure-requests')).toBe(false);
  });

  it('names every directive once', () => {
    const names = pagePolicy({ nonce, https: true })
      .split(';')
      .map((part) => part.trim().split(/\s+/)[0]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives next dev the eval and inline styles its error overlay needs, and only it', () => {
    const policy = parse(pagePolicy({ nonce, https: false, development: true }));
    expect(policy.get('script-src')).toContain("'unsafe-eval'");
    expect(policy.get('style-src')).toContain("'unsafe-inline'");
  });
});

describe('newNonce', () => {
  it('is 128 random bits in base64, different every time, and found where Next looks for it', () => {
    const nonces = Array.from({ length: 50 }, newNonce);
    expect(new Set(nonces).size).toBe(nonces.length);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
      expect(nonceOf(pagePolicy({ nonce, https: false }))).toBe(nonce);
    }
  });
});

describe('nonceOf', () => {
  it('reads the script-src nonce only', () => {
    expect(nonceOf("default-src 'self'; script-src 'self' 'nonce-abc+/=' 'strict-dynamic'")).toBe('abc+/=');
    expect(nonceOf("style-src 'nonce-abc'; script-src 'self'")).toBeUndefined();
    expect(nonceOf(NON_PAGE_POLICY)).toBeUndefined();
    expect(nonceOf('')).toBeUndefined();
  });

  it('ignores a nonce that could break out of an HTML attribute', () => {
    expect(nonceOf(`script-src 'nonce-a"><script>'`)).toBeUndefined();
  });
});

describe('NON_PAGE_POLICY', () => {
  it('lets a non-page response load nothing and be framed by nobody', () => {
    const policy = parse(NON_PAGE_POLICY);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
