// proxy.ts on its own: what it hands Next for the render (the request's policy, where Next finds
// the nonce) and what it answers with, for a request over http and one over https; and which
// paths its matcher sends through it, read from the file by the same static analysis `next build`
// uses: a matcher it could not read would leave pages without their policy.
import path from 'node:path';
import { getPageStaticInfo } from 'next/dist/build/analysis/get-page-static-info';
import { loadBindings } from 'next/dist/build/swc';
import type { PAGE_TYPES } from 'next/dist/lib/page-types';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { nonceOf } from './content-security-policy';

function run(proto: string) {
  const response = proxy(new NextRequest('http://127.0.0.1:3000/accounts', { headers: { 'x-forwarded-proto': proto } }));
  // NextResponse.next({ request: { headers } }) hands Next the request's new headers this way.
  const overridden = response.headers.get('x-middleware-override-headers')?.split(',') ?? [];
  return {
    policy: response.headers.get('content-security-policy') ?? '',
    requestPolicy: overridden.includes('content-security-policy') ? response.headers.get('x-middleware-request-content-security-policy') : null,
    hsts: response.headers.get('strict-transport-security'),
  };
}

describe('proxy', () => {
  it('answers with the page policy and gives the render the same one, nonce included', () => {
    const { policy, requestPolicy } = run('http');
    expect(nonceOf(policy)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(requestPolicy).toBe(policy);
    expect(policy).not.toContain('unsafe-eval');
  });

  it('makes a new nonce for every request', () => {
    expect(nonceOf(run('http').policy)).not.toBe(nonceOf(run('http').policy));
  });

  it('asks for https sub-resources only when the request came over https', () => {
    expect(run('https').policy).toContain('upgrade-insecure-requests');
    expect(run('http').policy).not.toContain('upgrade-insecure-requests');
    // HSTS is next.config.ts's, for every kind of response: not sent twice from here.
    expect(run('https').hsts).toBeNull();
  });
});

describe('proxy matcher', () => {
  let pattern: RegExp;
  let missing: unknown;

  beforeAll(async () => {
    await loadBindings();
    const info = await getPageStaticInfo({
      pageFilePath: path.resolve(import.meta.dirname, '../../proxy.ts'),
      nextConfig: { basePath: '' },
      isDev: false,
      page: '/proxy',
      // Proxy is a root file, neither an app nor a pages route (PAGE_TYPES.ROOT, a const enum).
      pageType: 'root' as PAGE_TYPES,
    });
    const matchers = info.middleware?.matchers ?? [];
    expect(matchers).toHaveLength(1);
    pattern = new RegExp(matchers[0]!.regexp);
    missing = matchers[0]!.missing;
  }, 60_000);

  it.each(['/', '/accounts', '/support/sessions/0b6c', '/sign-in', '/practice', '/no-such-page', '/api', '/accounts.rsc'])('runs on the page %s', (page) => {
    expect(pattern.test(page)).toBe(true);
  });

  it.each(['/api/health', '/api/auth/get-session', '/_next/static/chunks/main.js', '/_next/image', '/icon.svg', '/favicon.ico', '/robots.txt'])(
    'leaves %s to next.config.ts',
    (file) => {
      expect(pattern.test(file)).toBe(false);
    },
  );

  it('skips the router’s prefetches', () => {
    expect(missing).toEqual(
      expect.arrayContaining([
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ]),
    );
  });
});
