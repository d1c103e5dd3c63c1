import 'server-only';
import nodemailer from 'nodemailer';
import { env, type AppEnv } from '@/lib/env';
import { logger } from '@/lib/log/logger.mjs';
import { createRedactor } from '@/lib/mail-check/diagnosis';
import { keepInOutbox, outboxKept } from './outbox';
import { describeRelay, type RelaySettings } from './relay-url';

// The app's outgoing mail (password reset links): through the SMTP relay MAIL_RELAY_URL names,
// with nodemailer, TLS always (smtps://, or smtp:// with STARTTLS required) and certificates
// checked as for any server; with no relay, written to the log (and, on the dev server only,
// kept for /dev/outbox).
//
// The relay's password is in the URL. It never reaches a log line or an error message: the relay
// is described without it (describeRelay), and whatever the relay or the library answered is
// cleaned of it, in every form it travels in (as typed, URL-encoded, base64 for AUTH PLAIN and
// LOGIN), before it is shown to anyone.

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Why the relay did not take a message. */
export type MailFailure = 'auth' | 'tls' | 'unreachable' | 'timeout' | 'refused' | 'other';

export class MailRelayError extends Error {
  constructor(
    readonly failure: MailFailure,
    message: string,
  ) {
    super(message);
    this.name = 'MailRelayError';
  }
}

export interface MailSender {
  /** Where the mail goes, fit for a log line: the relay without its password, or `log`. */
  readonly route: string;
  /** Sends one message, or rejects with a MailRelayError whose message holds no secret. */
  send(mail: OutgoingMail): Promise<void>;
}

export interface RelaySenderOptions {
  from: string;
  /** For each of: connecting, the greeting, and every later reply. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * `text` with the relay's password taken out, by the mail check's redactor (as typed, base64 on
 * its own and inside AUTH PLAIN), and URL-encoded as MAIL_RELAY_URL carries it.
 */
export function withoutRelaySecret(text: string, relay: RelaySettings): string {
  if (!relay.auth?.pass) return text;
  const { user, pass } = relay.auth;
  const encoded = encodeURIComponent(pass);
  const redact = createRedactor(pass, user);
  return redact(encoded === pass ? text : createRedactor(encoded, user)(text));
}

interface NodemailerError extends Error {
  code?: string;
  originalCode?: string;
  response?: string;
  responseCode?: number;
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ETLS$)/;

function failureOf(error: NodemailerError): MailFailure {
  const codes = [error.code, error.originalCode].filter((c): c is string => typeof c === 'string');
  if (codes.includes('EAUTH')) return 'auth';
  if (codes.some((code) => TLS_CODES.test(code)) || /certificate|STARTTLS|TLS/i.test(error.message)) return 'tls';
  if (codes.includes('ETIMEDOUT')) return 'timeout';
  if (codes.some((code) => ['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EAI_AGAIN'].includes(code))) return 'unreachable';
  if (codes.includes('EENVELOPE') || codes.includes('EMESSAGE') || typeof error.responseCode === 'number') return 'refused';
  if (codes.includes('ECONNECTION') || codes.includes('ESOCKET')) return 'unreachable';
  return 'other';
}

const FAILURE_WORDS: Record<MailFailure, string> = {
  auth: 'refused the login (check the user and password in MAIL_RELAY_URL)',
  tls: 'could not be reached over TLS',
  unreachable: 'could not be reached',
  timeout: 'did not answer in time',
  refused: 'refused the message',
  other: 'failed',
};

/** The library's error as one the app may log and show: what failed, where, and the server's words, without the password. */
export function relayError(error: unknown, relay: RelaySettings): MailRelayError {
  const raw = (error ?? {}) as NodemailerError;
  const failure = failureOf(raw);
  const said = typeof raw.response === 'string' && raw.response ? raw.response : String(raw.message ?? error);
  const code = [raw.code, raw.originalCode].filter(Boolean).join('/');
  return new MailRelayError(
    failure,
    withoutRelaySecret(`the mail relay ${describeRelay(relay)} ${FAILURE_WORDS[failure]}${code ? ` [${code}]` : ''}: ${said}`, relay),
  );
}

/** Mail through the relay: one connection per message, TLS required either way. */
export function relaySender(relay: RelaySettings, options: RelaySenderOptions): MailSender {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = nodemailer.createTransport({
    host: relay.host,
    port: relay.port,
    secure: relay.tls === 'implicit',
    // smtp://: STARTTLS before AUTH and before any mail, or nothing is sent.
    requireTLS: relay.tls === 'starttls',
    ...(relay.auth ? { auth: { user: relay.auth.user, pass: relay.auth.pass } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    // Certificates are checked against the host name in the URL, as for any server; a test CA is
    // trusted through NODE_EXTRA_CA_CERTS, never by turning the check off.
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2' },
    // The library's own logging is off: it would print the conversation, AUTH included.
    logger: false,
    debug: false,
  });
  return {
    route: describeRelay(relay),
    async send(mail) {
      try {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
      } catch (error) {
        throw relayError(error, relay);
      }
    },
  };
}

/**
 * No relay: the message goes to the log, never anywhere else; with `keepForOutbox` (the dev
 * server's, lib/mail/outbox.ts) also to /dev/outbox's memory.
 */
export function logSender(options: { from: string; keepForOutbox?: boolean }): MailSender {
  return {
    route: 'log',
    async send(mail) {
      if (options.keepForOutbox) keepInOutbox({ from: options.from, ...mail });
      // The message is the delivery here: with no relay, whoever runs the server reads it in
      // the log (README "Password reset"). With a relay nothing of a message is ever logged.
      logger('mail').info(
        { to: mail.to, subject: mail.subject, message: mail.text },
        'no MAIL_RELAY_URL is set: this message was written to the log instead of being sent',
      );
    },
  };
}

export function mailSenderFrom(appEnv: Pick<AppEnv, 'MAIL_RELAY_URL' | 'MAIL_FROM' | 'NODE_ENV'>): MailSender {
  return appEnv.MAIL_RELAY_URL
    ? relaySender(appEnv.MAIL_RELAY_URL, { from: appEnv.MAIL_FROM })
    : logSender({ from: appEnv.MAIL_FROM, keepForOutbox: outboxKept(appEnv.NODE_ENV) });
}

const SENDER_KEY = Symbol.for('mailbox-onboarding.mail.sender');
type SenderHolder = { [SENDER_KEY]?: MailSender };

/** The process's sender, from the validated environment. */
export function getMailSender(): MailSender {
  const holder = globalThis as SenderHolder;
  holder[SENDER_KEY] ??= mailSenderFrom(env());
  return holder[SENDER_KEY];
}

/**
 * Sends without making the caller wait, and never rejects: the outcome is logged (the route and,
 * on failure, the cleaned error; never the message). A request that asked for the mail answers
 * the same whether or not it went, and as fast.
 */
export function sendInBackground(sender: MailSender, mail: OutgoingMail, purpose: string): Promise<void> {
  return sender.send(mail).then(
    () => {
      if (sender.route !== 'log') logger('mail').info({ purpose, route: sender.route }, 'mail handed to the relay');
    },
    (error: unknown) => {
      const message = error instanceof MailRelayError ? error.message : 'the mail could not be sent';
      logger('mail').error({ purpose, route: sender.route, outcome: error instanceof MailRelayError ? error.failure : 'other' }, message);
    },
  );
}
