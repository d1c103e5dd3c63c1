import http from 'node:http';
import { NETEASE_SMTP_TEXTS } from './netease-smtp';
import { LOOPBACK } from './server-lifecycle';

// NetEase bans the client's IP, not only the user, after too many refused logins, and then every
// user's check from our server fails. A ban rule plays that: one object given to the NetEase IMAP
// and SMTP peers, counting refused logins (wrong credentials at LOGIN or AUTH) per remote address
// across both protocols. Once an address reaches the threshold within the window, every login
// from it, a correct one too, gets the ban text until the ban ends. A test or benchmark reads
// its figures to show the app never gets there.
//
// Unconfirmed, and chosen to be strict: whether NetEase counts IMAP and SMTP together, whether a
// successful login clears the count (here it does not), and how long a ban lasts (here one
// window from the refusal that reached the threshold; attempts during the ban do not extend it).

export type BanProtocol = 'imap' | 'smtp';

/**
 * NetEase's IMAP answer to a banned address is not on record (providers.md lists the SMTP texts
 * only). This text is made up after the SMTP one, so that a test can tell a ban from a wrong code
 * at the peer; pass `imapText: NETEASE_LOGIN_FAILED` to play the reading where NetEase's IMAP
 * keeps its one login error text and the ban can only be seen on SMTP.
 */
export const NETEASE_IMAP_BAN_TEXT = 'LOGIN IP is rejected, imap auth error limit exceed';

/** NetEase's two SMTP ban replies (providers.md, rule 4). */
export const NETEASE_SMTP_BAN_REPLIES = {
  554: NETEASE_SMTP_TEXTS.ipRejected,
  451: NETEASE_SMTP_TEXTS.tooMuchFail,
} as const;

export interface BanRuleOptions {
  /** Refused logins from one address within `windowMs` that start a ban. */
  threshold: number;
  windowMs: number;
  /** How long a ban lasts from the refusal that started it; default `windowMs`. */
  banMs?: number;
  /** What SMTP AUTH answers while banned; default 554. */
  smtpReply?: keyof typeof NETEASE_SMTP_BAN_REPLIES;
  /** What follows `NO ` at IMAP LOGIN while banned; default {@link NETEASE_IMAP_BAN_TEXT}. */
  imapText?: string;
  /** The clock, in ms; default Date.now. Tests move it instead of waiting. */
  now?: () => number;
}

interface PerProtocol {
  imap: number;
  smtp: number;
  total: number;
}

/** What a benchmark or test reads; plain JSON, the same in-process and over the control endpoint. */
export interface BanRuleFigures {
  threshold: number;
  windowMs: number;
  banMs: number;
  /** Logins refused for wrong credentials (not those answered with the ban text). */
  refused: PerProtocol;
  /** Logins answered with the ban text. */
  banReplies: PerProtocol;
  /** The most refusals one address had within one window, ever (since the last reset). */
  peakInWindow: number;
  /** The threshold was reached at least once. */
  banned: boolean;
  /** When it was first reached (the rule's clock), or null. */
  bannedAt: number | null;
  /** Addresses under a ban right now. */
  bannedNow: string[];
}

export interface BanRule {
  readonly smtpReply: { code: number; text: string };
  readonly imapText: string;
  /**
   * Asked at each login before the credentials are looked at: false when `address` is banned,
   * and the login must get the ban text (it is counted as a ban reply).
   */
  admitLogin(protocol: BanProtocol, address: string): boolean;
  /** A login from `address` was refused for wrong credentials. */
  recordRefusal(protocol: BanProtocol, address: string): void;
  figures(): BanRuleFigures;
  /** Forgets every count and ban, as a new rule would start. */
  reset(): void;
}

interface AddressState {
  /** Times of the refusals within the window, oldest first. */
  refusals: number[];
  bannedUntil: number | null;
}

// A socket on an IPv4 listener may report an IPv4-mapped IPv6 address.
const normaliseRemote = (address: string) => address.replace(/^::ffff:/i, '');

export function createBanRule(options: BanRuleOptions): BanRule {
  if (!(options.threshold >= 1) || !(options.windowMs > 0)) throw new Error('a ban rule needs threshold >= 1 and windowMs > 0');
  const now = options.now ?? Date.now;
  const banMs = options.banMs ?? options.windowMs;
  const smtpCode = options.smtpReply ?? 554;
  const addresses = new Map<string, AddressState>();
  const zero = (): PerProtocol => ({ imap: 0, smtp: 0, total: 0 });
  let refused = zero();
  let banReplies = zero();
  let peakInWindow = 0;
  let bannedAt: number | null = null;

  const stateOf = (address: string, at: number): AddressState => {
    const key = normaliseRemote(address);
    let state = addresses.get(key);
    if (!state) {
      state = { refusals: [], bannedUntil: null };
      addresses.set(key, state);
    }
    // A ban that has run out leaves a clean slate, as if the address were new.
    if (state.bannedUntil !== null && at >= state.bannedUntil) {
      state.bannedUntil = null;
      state.refusals = [];
    }
    while (state.refusals.length && state.refusals[0]! <= at - options.windowMs) state.refusals.shift();
    return state;
  };

  return {
    smtpReply: { code: smtpCode, text: NETEASE_SMTP_BAN_REPLIES[smtpCode] },
    imapText: options.imapText ?? NETEASE_IMAP_BAN_TEXT,
    admitLogin(protocol, address) {
      const state = stateOf(address, now());
      if (state.bannedUntil === null) return true;
      banReplies[protocol]++;
      banReplies.total++;
      return false;
    },
    recordRefusal(protocol, address) {
      const at = now();
      const state = stateOf(address, at);
      refused[protocol]++;
      refused.total++;
      state.refusals.push(at);
      peakInWindow = Math.max(peakInWindow, state.refusals.length);
      if (state.bannedUntil === null && state.refusals.length >= options.threshold) {
        state.bannedUntil = at + banMs;
        bannedAt ??= at;
      }
    },
    figures() {
      const at = now();
      const bannedNow = [...addresses.keys()].filter((address) => stateOf(address, at).bannedUntil !== null);
      return {
        threshold: options.threshold,
        windowMs: options.windowMs,
        banMs,
        refused: { ...refused },
        banReplies: { ...banReplies },
        peakInWindow,
        banned: bannedAt !== null,
        bannedAt,
        bannedNow,
      };
    },
    reset() {
      addresses.clear();
      refused = zero();
      banReplies = zero();
      peakInWindow = 0;
      bannedAt = null;
    },
  };
}

// Another process (a Playwright test beside tools/serve-with-peers.ts, a benchmark that runs the app)
// reads and resets the rule over loopback HTTP:
//   GET  /ban-rule        → 200, the figures as JSON
//   POST /ban-rule/reset  → 200, the figures as they were, then the rule starts again
// Reading and resetting in one request lets a benchmark take each scenario's figures exactly.

/**
 * Answers the two routes above and returns true, or returns false for any other request, so the
 * routes can sit in an existing control server (tools/serve-with-peers.ts's) as well as in their own.
 */
export function handleBanRuleRequest(rule: BanRule, req: http.IncomingMessage, res: http.ServerResponse): boolean {
  const path = (req.url ?? '').split('?')[0];
  const reply = (figures: BanRuleFigures) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(figures));
  if (req.method === 'GET' && path === '/ban-rule') {
    reply(rule.figures());
    return true;
  }
  if (req.method === 'POST' && path === '/ban-rule/reset') {
    // The body, if any, means nothing; it is drained so the connection can be reused.
    req.resume();
    const figures = rule.figures();
    rule.reset();
    reply(figures);
    return true;
  }
  return false;
}

/** Serves the rule's routes alone on an ephemeral (or the given) port of 127.0.0.1. */
export async function startBanRuleControl(rule: BanRule, port = 0): Promise<{ url: string; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (!handleBanRuleRequest(rule, req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('ban rule control has no TCP address');
  return {
    url: `http://${LOOPBACK}:${address.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The figures of a rule served at `baseUrl` (e.g. `http://127.0.0.1:3108`). */
export async function readBanRule(baseUrl: string): Promise<BanRuleFigures> {
  const response = await fetch(`${baseUrl}/ban-rule`);
  if (!response.ok) throw new Error(`ban rule read failed: ${response.status}`);
  return (await response.json()) as BanRuleFigures;
}

/** Resets a rule served at `baseUrl` and returns its figures from just before. */
export async function resetBanRule(baseUrl: string): Promise<BanRuleFigures> {
  const response = await fetch(`${baseUrl}/ban-rule/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`ban rule reset failed: ${response.status}`);
  return (await response.json()) as BanRuleFigures;
}
