import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, currentRequestId, parseLogLevel, REDACTED, runWithRequestContext, SECRET_FIELDS } from './logger.mjs';

// The log (lib/log/logger.mjs) as an operator reads it: JSON lines, the instance and request on
// each, and never a secret, even one a caller put in a field by mistake.

function capture(options: { level?: 'info' | 'debug' | 'warn'; pretty?: boolean } = {}) {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const log = createLogger({ instance: 'test-instance', destination: stream, ...options });
  return {
    log,
    text: () => text,
    lines: () =>
      text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const CODE = 'QwErTyUiOpAsDfGh';

describe('createLogger', () => {
  it('writes one JSON object per line, with the level, time, instance and message', () => {
    const { log, lines } = capture();
    log.info({ provider: 'netease' }, 'first');
    log.child({ component: 'health' }).warn('second');
    expect(lines()).toEqual([
      expect.objectContaining({ level: 'info', instance: 'test-instance', provider: 'netease', msg: 'first' }),
      expect.objectContaining({ level: 'warn', instance: 'test-instance', component: 'health', msg: 'second' }),
    ]);
    expect(Date.parse(String(lines()[0]!.time))).not.toBeNaN();
  });

  it('never writes the value of a field named like a secret, at the top or nested', () => {
    const { log, text, lines } = capture();
    const secrets = SECRET_FIELDS.map((field, i) => [field, `${CODE}${i}`] as const);
    const fields = Object.fromEntries(secrets);
    log.info({ ...fields, outcome: 'auth_failed' }, 'top level');
    log.info({ input: fields }, 'one down');
    log.info({ request: { headers: fields } }, 'two down');
    log.info({ attempts: [{ form: fields }] }, 'in an array, three down');
    for (const [, value] of secrets) expect(text()).not.toContain(value);
    expect(text()).not.toContain(CODE);
    // The fields are still there, so a reader sees that something was left out.
    expect(lines()[0]).toMatchObject({ code: REDACTED, password: REDACTED, cookie: REDACTED, authorization: REDACTED, outcome: 'auth_failed' });
    expect(lines()[2]).toMatchObject({ request: { headers: { 'set-cookie': REDACTED, token: REDACTED } } });
  });

  it('redacts an error’s own fields named like secrets, and keeps its message and type', () => {
    const { log, lines, text } = capture();
    const error = Object.assign(new Error('connect refused'), { code: 'ECONNREFUSED', password: CODE });
    log.error({ err: error }, 'failed');
    expect(text()).not.toContain(CODE);
    expect(lines()[0]).toMatchObject({ err: { type: 'Error', message: 'connect refused', password: REDACTED } });
  });

  it('names an error by its own name, which survives minification', () => {
    const { log, lines } = capture();
    class Minified extends Error {
      constructor() {
        super('the data folder is in use');
        this.name = 'DatabaseLockedError';
      }
    }
    log.error({ err: new Minified() }, 'failed');
    log.error({ err: new TypeError('bad') }, 'failed');
    expect(lines().map((line) => (line.err as { type: string }).type)).toEqual(['DatabaseLockedError', 'TypeError']);
  });

  it('pretty-prints for a terminal, and redacts there too', () => {
    const { log, text } = capture({ pretty: true });
    log.info({ code: CODE, provider: 'qq' }, 'readable');
    expect(text()).toContain('readable');
    expect(text()).toContain('qq');
    expect(text()).not.toContain(CODE);
    expect(() => JSON.parse(text().split('\n')[0]!)).toThrow();
  });

  it('leaves out what is below its level', () => {
    const { log, lines } = capture({ level: 'warn' });
    log.info('not shown');
    log.error('shown');
    expect(lines().map((line) => line.msg)).toEqual(['shown']);
  });
});

describe('the request context', () => {
  it('puts the request’s id on every line logged inside it, across awaits and timers, and on none outside', async () => {
    const { log, lines } = capture();
    log.info('before');
    await runWithRequestContext({ requestId: 'req-1' }, async () => {
      log.info('at once');
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.child({ component: 'check' }).info('after a timer');
      expect(currentRequestId()).toBe('req-1');
    });
    // Two requests at once keep their own ids.
    await Promise.all(
      ['req-2', 'req-3'].map((requestId) =>
        runWithRequestContext({ requestId }, async () => {
          await new Promise((resolve) => setTimeout(resolve, requestId === 'req-2' ? 10 : 1));
          log.info(requestId);
        }),
      ),
    );
    log.info('after');
    expect(currentRequestId()).toBeUndefined();
    expect(lines().map((line) => [line.msg, line.reqId])).toEqual([
      ['before', undefined],
      ['at once', 'req-1'],
      ['after a timer', 'req-1'],
      ['req-3', 'req-3'],
      ['req-2', 'req-2'],
      ['after', undefined],
    ]);
  });
});

describe('parseLogLevel', () => {
  it('takes the level names in any case, defaults to info, and refuses anything else', () => {
    expect(parseLogLevel(undefined)).toBe('info');
    expect(parseLogLevel('')).toBe('info');
    expect(parseLogLevel(' DEBUG ')).toBe('debug');
    expect(parseLogLevel('silent')).toBe('silent');
    expect(() => parseLogLevel('verbose')).toThrow(/LOG_LEVEL: "verbose" is not one of fatal, error, warn, info, debug, trace, silent/);
  });
});
