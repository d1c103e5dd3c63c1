// The app's log: JSON lines on standard output (pino), one object per line, or the same lines
// made readable (pino-pretty) when standard output is a terminal. Plain JavaScript: the HTTP
// server (scripts/serve.mjs) makes the process's logger before Next loads anything, and the app's
// own modules write through that same logger (it is kept on globalThis).
//
// Every line carries the instance's id, and a line written while a request is handled carries
// that request's id too (`reqId`, from the request context the server opens around each request):
// the request's own line and a check's line can be matched by it.
//
// Nothing secret may be logged. Callers log ids and codes, never a code's value; and as a second
// line of defence, a field named like a secret (`code`, `password`, `cookie`, ...) is replaced by
// "[redacted]" wherever it sits, up to four levels deep. That is why outcome codes are logged as
// `outcome`, never as `code`: an error's own `code` (ECONNREFUSED) is redacted with the rest.
import { AsyncLocalStorage } from 'node:async_hooks';
import os from 'node:os';
import pino from 'pino';
import pretty from 'pino-pretty';

/** The levels LOG_LEVEL may name, most severe first. `silent` writes nothing. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** LOG_LEVEL as a level name (default `info`); throws an Error naming the value when it is none. */
export function parseLogLevel(value) {
  const text = String(value ?? '').trim().toLowerCase();
  if (text === '') return 'info';
  if (!LOG_LEVELS.includes(text)) throw new Error(`LOG_LEVEL: "${value}" is not one of ${LOG_LEVELS.join(', ')}`);
  return text;
}

/**
 * Field names whose values never reach the log, in any letter case the app uses. The code a user
 * pastes travels as `code` (and `secret` once accepted); sessions as cookies and tokens.
 */
export const SECRET_FIELDS = [
  'code',
  'authCode',
  'secret',
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'sessionToken',
  'accessToken',
  'refreshToken',
  'browserToken',
  'authorization',
  'Authorization',
  'cookie',
  'Cookie',
  'set-cookie',
  'Set-Cookie',
  'sealedCode',
  'apiKey',
  'APP_SECRET_KEY',
  'BETTER_AUTH_SECRET',
  'DATABASE_URL',
];

/** The redaction paths: each secret field at the top and up to three objects (or arrays) down. */
export function redactPaths(fields = SECRET_FIELDS) {
  const prefixes = ['', '*.', '*.*.', '*.*.*.'];
  return fields.flatMap((field) => {
    const key = /^[A-Za-z_$][\w$]*$/.test(field) ? field : `["${field}"]`;
    return prefixes.map((prefix) => (key.startsWith('[') ? `${prefix.replace(/\.$/, '')}${key}` : `${prefix}${key}`));
  });
}

export const REDACTED = '[redacted]';

// One request context per process, shared by the server's copy of this module and the app's
// bundled copy (Next bundles the app's modules separately from the server that loads them).
const REQUEST_CONTEXT_KEY = Symbol.for('mailbox-onboarding.log.request-context');
const LOGGER_KEY = Symbol.for('mailbox-onboarding.log.logger');

/** @returns {AsyncLocalStorage<{ requestId: string }>} */
function requestStorage() {
  globalThis[REQUEST_CONTEXT_KEY] ??= new AsyncLocalStorage();
  return globalThis[REQUEST_CONTEXT_KEY];
}

/** Runs `work` as part of the request `requestId`: every line it logs, however deep, carries the id. */
export function runWithRequestContext(context, work) {
  return requestStorage().run({ requestId: context.requestId }, work);
}

/** The id of the request being handled, or undefined outside one (health rounds, start-up). */
export function currentRequestId() {
  return requestStorage().getStore()?.requestId;
}

/** The instance's id when INSTANCE_ID is not set: the machine and the port (or the process). */
export function defaultInstanceId(port) {
  return `${os.hostname()}:${port ?? `pid${process.pid}`}`;
}

/**
 * pino's error serializer, with the error's own name as its type where it has one: in the
 * production build class names are minified (DatabaseLockedError's constructor is `a`), while
 * the app's errors set `name` themselves.
 */
function serializeError(error) {
  const serialized = pino.stdSerializers.err(error);
  if (serialized && error instanceof Error && typeof error.name === 'string' && error.name !== 'Error') serialized.type = error.name;
  return serialized;
}

/**
 * A logger. `destination` is where the lines go (standard output by default); `pretty` makes them
 * readable for a person, which is the default exactly when standard output is a terminal.
 */
export function createLogger({ level = 'info', instance = defaultInstanceId(), destination, pretty: readable } = {}) {
  const options = {
    level,
    base: { instance, pid: process.pid },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactPaths(), censor: REDACTED },
    serializers: { err: serializeError },
    // The request's id on every line logged inside it; a line that names its own keeps that one.
    mixin() {
      const requestId = currentRequestId();
      return requestId === undefined ? {} : { reqId: requestId };
    },
  };
  const toTerminal = readable ?? (destination === undefined && process.stdout.isTTY === true);
  // Synchronous writes: a line written just before process.exit() (a failed start) is not lost,
  // and pino-pretty runs in this thread, with no worker (thread-stream) for Next to bundle.
  const stream = toTerminal
    ? pretty({
        colorize: destination === undefined,
        sync: true,
        translateTime: 'SYS:HH:MM:ss.l',
        // One line each, as `[serve] production server on ...` read before these logs were JSON.
        messageFormat: '{if component}[{component}] {end}{msg}',
        ignore: 'pid,hostname,instance,component',
        singleLine: true,
        destination: destination ?? 1,
      })
    : (destination ?? pino.destination({ fd: 1, sync: true }));
  return pino(options, stream);
}

/** Makes `logger` the one this process's modules write through (the server does this first). */
export function installProcessLogger(logger) {
  globalThis[LOGGER_KEY] = logger;
  return logger;
}

/**
 * This process's logger: the one the server installed, else one made from LOG_LEVEL and
 * INSTANCE_ID (the command-line scripts, tests). A bad LOG_LEVEL there falls back to `info`;
 * lib/env.ts refuses it at the app's start. Under Vitest, without LOG_LEVEL, only warnings and
 * worse: the suite runs thousands of checks, and their lines would bury the report (a test that
 * reads the log installs a logger of its own).
 */
export function processLogger() {
  if (!globalThis[LOGGER_KEY]) {
    let level = process.env.VITEST && !process.env.LOG_LEVEL ? 'warn' : 'info';
    try {
      if (process.env.LOG_LEVEL) level = parseLogLevel(process.env.LOG_LEVEL);
    } catch {
      // lib/env.ts reports it.
    }
    installProcessLogger(createLogger({ level, instance: process.env.INSTANCE_ID?.trim() || defaultInstanceId(process.env.PORT) }));
  }
  return globalThis[LOGGER_KEY];
}

const children = new WeakMap();

/**
 * The logger of one part of the app (`health`, `db`, `check`...): its lines say `component`.
 * Resolved at each call, so a logger installed later (the server's, a test's) is the one written to.
 */
export function logger(component) {
  const root = processLogger();
  let byComponent = children.get(root);
  if (!byComponent) children.set(root, (byComponent = new Map()));
  let child = byComponent.get(component);
  if (!child) byComponent.set(component, (child = root.child({ component })));
  return child;
}
