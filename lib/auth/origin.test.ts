import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';
import { appOrigins, assertServableOrigin } from './origin';

describe('appOrigins', () => {
  it('embedded default: the two loopback addresses on the port npm start uses (3000)', () => {
    expect(appOrigins(parseEnv({}))).toEqual({
      origin: 'http://localhost:3000',
      trusted: ['http://localhost:3000', 'http://127.0.0.1:3000'],
    });
  });

  it('follows PORT, as `next start -p` sets it', () => {
    expect(appOrigins(parseEnv({ PORT: '8080' })).trusted).toEqual(['http://localhost:8080', 'http://127.0.0.1:8080']);
    expect(appOrigins(parseEnv({ PORT: '' })).origin).toBe('http://localhost:3000');
  });

  it('with BETTER_AUTH_URL, its origin only (no path, no loopback addresses)', () => {
    const origins = appOrigins(parseEnv({ BETTER_AUTH_URL: 'https://Mail.Example.com/app/', PORT: '3000' }));
    expect(origins).toEqual({ origin: 'https://mail.example.com', trusted: ['https://mail.example.com'] });
  });

  it('refuses a PORT that is no port', () => {
    for (const PORT of ['0', '70000', 'http', '3000.5']) expect(() => parseEnv({ PORT })).toThrow(EnvError);
  });
});

describe('assertServableOrigin', () => {
  const postgres = 'postgres://app@db.internal/app';

  it('refuses a production server on DATABASE_URL without BETTER_AUTH_URL, saying why', () => {
    const settings = parseEnv({ NODE_ENV: 'production', DATABASE_URL: postgres });
    expect(() => assertServableOrigin(settings)).toThrow(EnvError);
    expect(() => assertServableOrigin(settings)).toThrow(/BETTER_AUTH_URL is not set.*proxy.*cannot know the address/s);
  });

  it('lets it serve once BETTER_AUTH_URL is set', () => {
    expect(() => assertServableOrigin(parseEnv({ NODE_ENV: 'production', DATABASE_URL: postgres, BETTER_AUTH_URL: 'https://mail.example.com' }))).not.toThrow();
  });

  it('lets the embedded default (npm start) and development on PostgreSQL serve without it', () => {
    expect(() => assertServableOrigin(parseEnv({ NODE_ENV: 'production' }))).not.toThrow();
    expect(() => assertServableOrigin(parseEnv({ NODE_ENV: 'development', DATABASE_URL: postgres }))).not.toThrow();
    expect(() => assertServableOrigin(parseEnv({ NODE_ENV: 'test', DATABASE_URL: postgres }))).not.toThrow();
  });

  it('is no part of reading the environment, which the scripts share (staff:create, keys:rotate)', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', DATABASE_URL: postgres })).not.toThrow();
  });
});
