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

  it('reads the manual-setup allow-list in canonical form and refuses what is no host', () => {
    expect(parseEnv({}).MAIL_MANUAL_ALLOW_HOSTS).toBeUndefined();
    expect(parseEnv({ MAIL_MANUAL_ALLOW_HOSTS: ' Mail.SelfHosted.test. , [::1],mail.selfhosted.test,' }).MAIL_MANUAL_ALLOW_HOSTS).toEqual([
      'mail.selfhosted.test',
      '::1',
    ]);
    expect(() => parseEnv({ MAIL_MANUAL_ALLOW_HOSTS: 'mail.selfhosted.test:993' })).toThrow(/MAIL_MANUAL_ALLOW_HOSTS/);
    expect(() => parseEnv({ MAIL_MANUAL_ALLOW_HOSTS: 'imaps://mail.example.com' })).toThrow(/not a host/);
  });

  it('refuses the manual-setup allow-list in production unless explicitly allowed', () => {
    const hosts = 'mail.selfhosted.test';
    expect(() => parseEnv({ NODE_ENV: 'production', MAIL_MANUAL_ALLOW_HOSTS: hosts })).toThrow(EnvError);
    expect(() => parseEnv({ NODE_ENV: 'production', MAIL_MANUAL_ALLOW_HOSTS: hosts })).toThrow(
      /MAIL_MANUAL_ALLOW_HOSTS is set while NODE_ENV=production.*ALLOW_ENDPOINT_OVERRIDES=1/s,
    );
    expect(parseEnv({ NODE_ENV: 'production', MAIL_MANUAL_ALLOW_HOSTS: hosts, ALLOW_ENDPOINT_OVERRIDES: '1' }).MAIL_MANUAL_ALLOW_HOSTS).toEqual([
      hosts,
    ]);
    expect(parseEnv({ NODE_ENV: 'test', MAIL_MANUAL_ALLOW_HOSTS: hosts }).MAIL_MANUAL_ALLOW_HOSTS).toEqual([hosts]);
  });

  it('reads the autoconfig port seam, and refuses it in production unless explicitly allowed', () => {
    expect(parseEnv({}).MAIL_AUTOCONFIG_PORT).toBeUndefined();
    expect(parseEnv({ MAIL_AUTOCONFIG_PORT: '' }).MAIL_AUTOCONFIG_PORT).toBeUndefined();
    expect(parseEnv({ MAIL_AUTOCONFIG_PORT: '8443' }).MAIL_AUTOCONFIG_PORT).toBe(8443);
    expect(() => parseEnv({ MAIL_AUTOCONFIG_PORT: '70000' })).toThrow(/MAIL_AUTOCONFIG_PORT/);
    expect(() => parseEnv({ NODE_ENV: 'production', MAIL_AUTOCONFIG_PORT: '8443' })).toThrow(
      /MAIL_AUTOCONFIG_PORT is set while NODE_ENV=production.*ALLOW_ENDPOINT_OVERRIDES=1/s,
    );
    expect(parseEnv({ NODE_ENV: 'production', MAIL_AUTOCONFIG_PORT: '8443', ALLOW_ENDPOINT_OVERRIDES: '1' }).MAIL_AUTOCONFIG_PORT).toBe(8443);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres/);
    expect(parseEnv({ DATABASE_URL: '  ' }).DATABASE_URL).toBeUndefined();
  });

  it('refuses a non-numeric timeout', () => {
    expect(() => parseEnv({ CHECK_TIMEOUT_MS: 'soon' })).toThrow(/CHECK_TIMEOUT_MS/);
  });

  it('reads LOG_LEVEL in any case, info by default, and refuses a level pino does not have', () => {
    expect(parseEnv({}).LOG_LEVEL).toBe('info');
    expect(parseEnv({ LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
    expect(parseEnv({ LOG_LEVEL: 'Debug' }).LOG_LEVEL).toBe('debug');
    expect(parseEnv({ LOG_LEVEL: 'silent' }).LOG_LEVEL).toBe('silent');
    expect(() => parseEnv({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL/);
  });

  it('reads INSTANCE_ID as a name for the log, and refuses one that is not', () => {
    expect(parseEnv({}).INSTANCE_ID).toBeUndefined();
    expect(parseEnv({ INSTANCE_ID: ' web-2:3000 ' }).INSTANCE_ID).toBe('web-2:3000');
    expect(() => parseEnv({ INSTANCE_ID: 'two words' })).toThrow(/INSTANCE_ID/);
    expect(() => parseEnv({ INSTANCE_ID: 'x'.repeat(65) })).toThrow(/INSTANCE_ID/);
  });

  it('reads METRICS_ALLOW as addresses and blocks, loopback by default, and names an entry it refuses', () => {
    expect(parseEnv({}).METRICS_ALLOW).toEqual(['127.0.0.0/8', '::1']);
    expect(parseEnv({ METRICS_ALLOW: '10.0.0.5, 10.1.0.0/16' }).METRICS_ALLOW).toEqual(['10.0.0.5', '10.1.0.0/16']);
    expect(() => parseEnv({ METRICS_ALLOW: '10.0.0.5, prometheus' })).toThrow(/METRICS_ALLOW: "prometheus" is not an IP address or a CIDR block/);
  });

  it('reads MAIL_RELAY_URL and MAIL_FROM, and names a bad relay URL without its password', () => {
    const embedded = parseEnv({});
    expect(embedded.MAIL_RELAY_URL).toBeUndefined();
    expect(embedded.MAIL_FROM).toBe('no-reply@localhost');
    expect(embedded.PASSWORD_RESET_LINK_MINUTES).toBe(30);
    expect(parseEnv({ MAIL_RELAY_URL: 'smtps://mailer%40example.com:s3cret@smtp.example.com' }).MAIL_RELAY_URL).toEqual({
      tls: 'implicit',
      host: 'smtp.example.com',
      port: 465,
      auth: { user: 'mailer@example.com', pass: 's3cret' },
    });
    expect(parseEnv({ MAIL_RELAY_URL: 'smtp://relay.internal:2525' }).MAIL_RELAY_URL).toEqual({ tls: 'starttls', host: 'relay.internal', port: 2525 });
    for (const bad of ['https://mailer:hunter22@smtp.example.com', 'smtps://mailer:hunter22@smtp.example.com/x', 'mailer:hunter22@smtp']) {
      let message = '';
      try {
        parseEnv({ MAIL_RELAY_URL: bad });
      } catch (error) {
        expect(error).toBeInstanceOf(EnvError);
        message = (error as Error).message;
      }
      expect(message).toMatch(/MAIL_RELAY_URL: /);
      expect(message).not.toContain('hunter22');
    }
    expect(parseEnv({ MAIL_FROM: 'Mailbox setup <no-reply@example.com>' }).MAIL_FROM).toBe('Mailbox setup <no-reply@example.com>');
    expect(() => parseEnv({ MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
    expect(() => parseEnv({ PASSWORD_RESET_LINK_MINUTES: '1' })).toThrow(/PASSWORD_RESET_LINK_MINUTES/);
  });
});
