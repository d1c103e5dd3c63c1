import { describe, expect, it } from 'vitest';
import { loggablePath, settleRequestId } from './request.mjs';

// How the server names a request and what of its address it logs (scripts/serve.mjs).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function request(headers: Record<string, string>) {
  return {
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])) as Record<string, string | string[] | undefined>,
    rawHeaders: Object.entries(headers).flat(),
  };
}

describe('settleRequestId', () => {
  it('takes a trusted proxy’s X-Request-Id, and hands the app that one value', () => {
    const req = request({ Host: 'app', 'X-Request-Id': 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' });
    expect(settleRequestId(req, true)).toBe('a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6');
    expect(req.headers['x-request-id']).toBe('a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6');
    expect(req.rawHeaders.filter((_, i) => i % 2 === 0).filter((name) => name.toLowerCase() === 'x-request-id')).toHaveLength(1);
  });

  it('replaces the id a client sent with a new one, in the headers and the raw headers alike', () => {
    const req = request({ Host: 'app', 'X-Request-Id': 'chosen-by-the-client' });
    const id = settleRequestId(req, false);
    expect(id).toMatch(UUID);
    expect(req.headers['x-request-id']).toBe(id);
    expect(req.rawHeaders).not.toContain('chosen-by-the-client');
    expect(req.rawHeaders).toContain(id);
  });

  it('makes a new id when even a trusted proxy’s is not an id (too long, spaces, quotes) or missing', () => {
    for (const sent of ['x'.repeat(129), 'two words', 'a"b', '']) {
      expect(settleRequestId(request({ 'X-Request-Id': sent }), true)).toMatch(UUID);
    }
    expect(settleRequestId(request({ Host: 'app' }), true)).toMatch(UUID);
  });

  it('gives every request its own id', () => {
    const ids = new Set(Array.from({ length: 100 }, () => settleRequestId(request({}), false)));
    expect(ids.size).toBe(100);
  });
});

describe('loggablePath', () => {
  it.each([
    ['/', '/'],
    ['/accounts?tab=1', '/accounts'],
    ['/?provider=netease&address=li%40163.com#configure-in-client', '/'],
    ['/support/sessions/3f1e1c9e-0d36-4bd4-9d5c-8f8c8b2d7f5a', '/support/sessions/3f1e1c9e-0d36-4bd4-9d5c-8f8c8b2d7f5a'],
    ['/api/auth/sign-in/email', '/api/auth/sign-in/email'],
    ['/api/auth/reset-password/Zx81kQ2mLr9TqW3eYp0Av7Bn?callbackURL=/', '/api/auth/reset-password/:param'],
    ['/api/auth/callback/AbC123', '/api/auth/callback/:param'],
  ])('%s is logged as %s', (target, logged) => {
    expect(loggablePath(target)).toBe(logged);
  });

  it('cuts a very long path', () => {
    expect(loggablePath(`/${'a'.repeat(1000)}`)).toHaveLength(257);
  });
});
