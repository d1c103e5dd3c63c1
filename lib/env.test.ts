import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('parseEnv', () => {
  it('fills the embedded defaults', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe('.data');
    expect(env.CHECK_TIMEOUT_MS).toBe(15_000);
    expect(env.LOCKOUT_MAX_FAILURES).toBe(5);
    expect(env.MAIL_ENDPOINT_OVERRIDES).toBeUndefined();
  });

  it('reads endpoint overrides in both forms', () => {
    const env = parseEnv({
      NODE_ENV: 'test',
      MAIL_ENDPOINT_OVERRIDES: JSON.stringify({
        '163.COM': { imap: '127.0.0.1:10993', smtp: { host: 'localhost', port: 10587, tls: 'starttls' } },
        'yeah.net': { imap: '[::1]:993' },
      }),
    });
    expect(env.MAIL_ENDPOINT_OVERRIDES?.['163.com']?.imap).toEqual({ host: '127.0.0.1', port: 10993, tls: undefined });
    expect(env.MAIL_ENDPOINT_OVERRIDES?.['163.com']?.smtp).toEqual({ host: 'localhost', port: 10587, tls: 'starttls' });
    expect(env.MAIL_ENDPOINT_OVERRIDES?.['yeah.net']?.imap).toMatchObject({ host: '::1', port: 993 });
  });

  it.each([
    ['not json', /not valid JSON/],
    ['{"163.com":{}}', /at least "imap" or "smtp"/],
    ['{"163.com":{"imap":"nohost"}}', /host:port/],
    ['{"163.com":{"imap":"127.0.0.1:70000"}}', /out of range/],
    ['{"163.com":{"pop":"127.0.0.1:1"}}', /pop/],
  ])('refuses overrides %s with a clear message', (value, message) => {
    expect(() => parseEnv({ MAIL_ENDPOINT_OVERRIDES: value })).toThrow(message);
  });

  it('refuses overrides in production unless explicitly allowed', () => {
    const overrides = '{"163.com":{"imap":"127.0.0.1:10993"}}';
    expect(() => parseEnv({ NODE_ENV: 'production', MAIL_ENDPOINT_OVERRIDES: overrides })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: 'production', MAIL_ENDPOINT_OVERRIDES: overrides })).toThrow(
      /ALLOW_ENDPOINT_OVERRIDES=1/,
    );
    expect(
      parseEnv({ NODE_ENV: 'production', MAIL_ENDPOINT_OVERRIDES: overrides, ALLOW_ENDPOINT_OVERRIDES: '1' })
        .MAIL_ENDPOINT_OVERRIDES,
    ).toBeDefined();
  });

  it('refuses a DATABASE_URL that is not PostgreSQL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres/);
    expect(parseEnv({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
  });

  it('refuses a non-numeric timeout', () => {
    expect(() => parseEnv({ CHECK_TIMEOUT_MS: 'soon' })).toThrow(/CHECK_TIMEOUT_MS/);
  });
});
