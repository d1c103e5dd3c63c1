import 'server-only';
import type { AppDatabase } from '@/lib/db/client';
import { env, type EndpointOverrides } from '@/lib/env';
import { acceptSecret, assessAuthCode, type AuthCode, type AuthCodeAssessment, type SecretIssue } from '@/lib/providers/auth-code';
import { guardHost, type GuardResult } from '@/lib/discovery/address-guard';
import { discoverByMx } from '@/lib/discovery/mx';
import type { DnsOptions } from '@/lib/discovery/dns';
import { parseHost } from '@/lib/discovery/host';
import { loginNameProblem } from '@/lib/discovery/login-name';
import { manualEndpoints, nonMailPorts, type ManualFieldIssue, type ManualServerValues } from '@/lib/discovery/manual';
import { providerHostMessage, type GuardRefusalCode } from '@/lib/discovery/messages';
import { detectProvider, detectProviderById, loginNamesFor, type AddressProblem, type DetectedProvider } from '@/lib/providers/detect';
import { MANUAL_PROVIDER } from '@/lib/providers/manual';
import { findServerOwner } from '@/lib/providers/provider-hosts';
import type { MailEndpoints, MailProvider } from '@/lib/providers/types';
import type { Localized } from '@/lib/i18n/locale';
import { observeCheck } from '@/lib/metrics/checks';
import { countsTowardLimits } from './diagnosis';
import { alternativeMatching, isAllowedEndpoint, resolveEndpoints } from './endpoints';
import { completeCheck, lockoutPolicyFromEnv, releaseCheck, reserveCheck, type CheckKind, type LockoutPolicy, type LockoutReason } from './lockout';
import { runMailCheck } from './run-check';
import type { CheckReport, MailCheckInput, ProtocolCheckResult } from './types';

// What a server action calls: from what the user typed to a checked mailbox, with every guard
// in between. Detection decides the servers for every address a provider hosts; only for a
// domain no provider hosts may the user name the servers (manual setup), and then each typed
// host is resolved and vetted by the address guard, and only the vetted addresses are dialled.
// The lockout decides whether we may knock at all, before anything is dialled, and the outcome
// completes the check's reserved row so the limits hold across restarts and app instances.

/** The fields of manual setup, flat as the form names them. */
export type ManualServerField = keyof ManualServerValues;

export type MailboxCheckResult =
  | { status: 'invalid_address'; problem: AddressProblem; message: Localized }
  | { status: 'unknown_provider'; domain: string; message: Localized }
  /** The secret cannot be sent as the provider takes it (`issue`: what the form says). */
  | { status: 'invalid_code'; issue: SecretIssue }
  | { status: 'no_such_alternative' }
  /** Manual setup: a port that is not a mail port, once the address guard has had its say. */
  | { status: 'invalid_servers'; field: ManualServerField; issue: ManualFieldIssue; message: Localized }
  /** Manual setup: the address guard refused a typed host; nothing was dialled, nothing recorded. */
  | { status: 'host_refused'; field: 'imapHost' | 'smtpHost'; code: GuardRefusalCode; message: Localized }
  | { status: 'refused'; reason: LockoutReason; retryAt: Date; address: string; providerId: string }
  | {
      status: 'checked';
      address: string;
      providerId: string;
      endpoints: MailEndpoints;
      /** Manual setup: the login name typed for both servers, when it is not the address; saved with the account. */
      loginName?: string;
      /** The secret as the provider took it: what was sent, and what a passing check saves. Never leaves the server. */
      secret: AuthCode;
      codeAssessment: AuthCodeAssessment;
      report: CheckReport;
    };

export interface CheckMailboxOptions {
  overrides?: EndpointOverrides;
  policy?: LockoutPolicy;
  timeoutMs?: number;
  stageTimeoutMs?: number;
  signal?: AbortSignal;
  /** The signed-in user the check runs for: limited on their own, and recorded for support staff. */
  ownerId?: string;
  /** What started the check (default 'wizard'): health checks get only a share of a provider's budget. */
  kind?: CheckKind;
  /**
   * How a custom domain's MX records and the hosts typed for manual setup are looked up;
   * default: MAIL_DNS_SERVERS, else the system's, within 3 s.
   */
  dns?: DnsOptions;
  /** Hosts the address guard lets through whatever they resolve to; default MAIL_MANUAL_ALLOW_HOSTS. */
  manualAllowHosts?: readonly string[];
}

export interface CheckMailboxInput {
  address: string;
  /** As the action parsed it (a TypedSecret) or as it was sealed: accepted here as the detected provider's secret. */
  code: string;
  alternative?: number;
  /**
   * A saved account's servers (re-checks): the provider's set equal to these is checked, wherever
   * the domain's set order puts it now, and `alternative` is ignored. Only ever picks among the
   * provider's sets; one provider data no longer lists falls back to the first.
   */
  savedEndpoints?: MailEndpoints;
  /**
   * Servers typed for manual setup, as the action's schema parsed them (or as they were saved).
   * Used only for an address no provider hosts (neither by its domain nor by its MX records):
   * where provider data knows the servers, it wins.
   */
  manual?: ManualServerValues;
}

const failureCode = (r: ProtocolCheckResult) => (r.ok ? null : r.code);

type Detected = Extract<DetectedProvider, { ok: true }>;

/**
 * Typed servers reach the check parsed (hosts canonical, ports in range); anything else is a
 * caller's bug, not the reader's typing, so it throws rather than being parsed again here.
 */
function assertParsedServers(manual: ManualServerValues): void {
  const canonical = (host: string) => {
    const parsed = parseHost(host);
    return parsed.ok && parsed.host === host;
  };
  const port = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65_535;
  const tls = (mode: string) => mode === 'implicit' || mode === 'starttls';
  const login = (name: string | undefined) => name === undefined || (name !== '' && name === name.trim() && loginNameProblem(name) === undefined);
  if (
    !canonical(manual.imapHost) ||
    !canonical(manual.smtpHost) ||
    !port(manual.imapPort) ||
    !port(manual.smtpPort) ||
    !tls(manual.imapTls) ||
    !tls(manual.smtpTls) ||
    !login(manual.loginName)
  ) {
    throw new TypeError('checkMailbox: manual servers that did not pass the manual server schema');
  }
}

const refusal = (field: 'imapHost' | 'smtpHost', guard: Extract<GuardResult, { ok: false }>): MailboxCheckResult => ({
  status: 'host_refused',
  field,
  code: guard.code,
  message: guard.message,
});

export async function checkMailbox(
  db: AppDatabase,
  input: CheckMailboxInput,
  options: CheckMailboxOptions = {},
): Promise<MailboxCheckResult> {
  let detected = detectProvider(input.address);
  // A domain no provider lists may be a customer's own, hosted by a provider we know (NetEase
  // enterprise): its MX records say which. The browser's answer is never trusted; we ask again.
  if (!detected.ok && detected.error === 'unknown_provider') {
    const mx = await discoverByMx(detected.domain, { servers: env().MAIL_DNS_SERVERS, signal: options.signal, ...options.dns });
    if (mx.code === 'provider') {
      // The rule may name the server set to start with (ym.163.com domains: their own servers).
      detected = detectProviderById(input.address, mx.providerId, mx.firstImapHost !== undefined ? { firstImapHost: mx.firstImapHost } : {});
    } else if (input.manual !== undefined) {
      return checkManualServers(db, { address: detected.address, code: input.code, manual: input.manual }, options);
    } else {
      // The wizard words each lookup outcome itself; here the answer is that we cannot check it.
      return { status: 'unknown_provider', domain: detected.domain, message: detected.message };
    }
  }
  if (!detected.ok) {
    return detected.error === 'invalid_address'
      ? { status: 'invalid_address', problem: detected.problem, message: detected.message }
      : { status: 'unknown_provider', domain: detected.domain, message: detected.message };
  }
  // From here on the provider's data names the servers; `input.manual`, if any, is ignored:
  // typed servers never replace a known provider's (nor reach its allow-listed endpoints).
  return checkProviderServers(db, detected, input, options);
}

/**
 * The secret as the provider takes it (a code cleaned of what copying adds, a password as typed),
 * once detection has said which provider that is: the one server-side cleaning after the action's
 * parse, and what is sent and saved from then on.
 */
function acceptedCode(text: string, provider: MailProvider): { ok: true; code: AuthCode } | { ok: false; result: MailboxCheckResult } {
  const accepted = acceptSecret(text, provider);
  if (!accepted.ok) return { ok: false, result: { status: 'invalid_code', issue: accepted.issue } };
  return { ok: true, code: accepted.secret };
}

async function checkProviderServers(
  db: AppDatabase,
  detected: Detected,
  input: CheckMailboxInput,
  options: CheckMailboxOptions,
): Promise<MailboxCheckResult> {
  const accepted = acceptedCode(input.code, detected.provider);
  if (!accepted.ok) return accepted.result;

  const overrides = options.overrides ?? env().MAIL_ENDPOINT_OVERRIDES;
  const alternative = input.savedEndpoints
    ? alternativeMatching(detected.domain, detected.endpoints, detected.alternatives, input.savedEndpoints, overrides)
    : input.alternative;
  const resolved = resolveEndpoints(detected.domain, detected.endpoints, detected.alternatives, { alternative, overrides });
  if (!resolved.ok) return { status: 'no_such_alternative' };
  const { endpoints } = resolved;
  // Defence in depth: endpoints only ever come from provider data or the test seam.
  if (!isAllowedEndpoint(endpoints.imap, overrides) || !isAllowedEndpoint(endpoints.smtp, overrides)) {
    throw new Error('checkMailbox: resolved an endpoint outside provider data and overrides');
  }
  return runAndRecord(db, {
    address: detected.address,
    provider: detected.provider,
    username: { imap: detected.username.imap, smtp: detected.username.smtp },
    loginsPerCheck: refusedLoginsPerWrongCode(detected.provider, detected.username),
    code: accepted.code,
    endpoints,
    options,
  });
}

/**
 * Manual setup: the typed servers, each host resolved and vetted before anything connects.
 * A refused host ends the check before the lockout is consulted or an attempt recorded: nothing
 * was dialled, so there is nothing to count, and a refusal costs the user no attempt.
 *
 * A known provider's server is refused too, by its name or by the name it is an alias of: under
 * the 'manual' id it would be logged in to without that provider's texts, limits, pause and
 * rules. The user is sent to that provider's own steps, where the check runs under them.
 */
async function checkManualServers(
  db: AppDatabase,
  input: { address: string; code: string; manual: ManualServerValues },
  options: CheckMailboxOptions,
): Promise<MailboxCheckResult> {
  // The action parsed these; ports are held to the mail ports below, once the address guard has
  // had its say.
  assertParsedServers(input.manual);
  const endpoints = manualEndpoints(input.manual);
  const overrides = options.overrides ?? env().MAIL_ENDPOINT_OVERRIDES;
  const providerServer = (aliases: { imap?: readonly string[]; smtp?: readonly string[] } = {}): MailboxCheckResult | undefined => {
    for (const protocol of ['imap', 'smtp'] as const) {
      const { host, port } = endpoints[protocol];
      const owner = findServerOwner({ host, port, aliases: aliases[protocol] }, overrides);
      if (!owner) continue;
      const { provider } = owner;
      // A provider of companies' own domains is found by a domain's MX records, not by an address.
      const hostsCompanyDomains = provider.domains.length === 0 && provider.customDomains !== undefined;
      return {
        status: 'host_refused',
        field: `${protocol}Host`,
        code: 'provider_host',
        message: providerHostMessage({ name: provider.name, hostsCompanyDomains }, host, owner.host),
      };
    }
    return undefined;
  };
  // By name first: nothing is looked up for a host that is plainly a provider's.
  const named = providerServer();
  if (named) return named;

  const accepted = acceptedCode(input.code, MANUAL_PROVIDER);
  if (!accepted.ok) return accepted.result;

  // Only the hosts MAIL_MANUAL_ALLOW_HOSTS names bypass the address check; the test servers of
  // MAIL_ENDPOINT_OVERRIDES do not, so that loopback stays refused in the browser tests too.
  const allow = options.manualAllowHosts ?? env().MAIL_MANUAL_ALLOW_HOSTS ?? [];
  const guardOptions = { servers: env().MAIL_DNS_SERVERS, signal: options.signal, ...options.dns, allow };
  const [imapGuard, smtpGuard] = await Promise.all([
    guardHost(endpoints.imap.host, guardOptions),
    guardHost(endpoints.smtp.host, guardOptions),
  ]);
  if (!imapGuard.ok) return refusal('imapHost', imapGuard);
  if (!smtpGuard.ok) return refusal('smtpHost', smtpGuard);
  const aliased = providerServer({ imap: imapGuard.aliases, smtp: smtpGuard.aliases });
  if (aliased) return aliased;

  // Mail ports only; the allow-listed test servers listen on ports the system picks.
  const allowed = new Set(allow.map((host) => parseHost(host)).flatMap((h) => (h.ok ? [h.host] : [])));
  const [port] = nonMailPorts(input.manual, (host) => allowed.has(host));
  if (port) return { status: 'invalid_servers', ...port };

  // The login name typed (or filled in from the domain's autoconfig file) for both servers; else
  // the address, as manual setup's provider entry says.
  const { loginName } = input.manual;
  const parts = { address: input.address, localPart: input.address.slice(0, input.address.lastIndexOf('@')) };
  const names = loginName !== undefined ? { imap: loginName, smtp: loginName } : loginNamesFor(MANUAL_PROVIDER, parts);
  return runAndRecord(db, {
    address: input.address,
    provider: MANUAL_PROVIDER,
    username: { imap: names.imap, smtp: names.smtp },
    ...(loginName !== undefined ? { loginName } : {}),
    code: accepted.code,
    endpoints,
    pinned: { imap: { addresses: imapGuard.addresses }, smtp: { addresses: smtpGuard.addresses } },
    // The 'manual' id stands for every server anyone typed: one user's failures there must not
    // pause everyone else's different servers. The per-mailbox lockout still holds.
    pausesProvider: false,
    limitOwner: true,
    options,
  });
}

/**
 * The refused logins one wrong code costs at `provider`: the IMAP LOGIN, a second IMAP login name
 * where the provider has two (iCloud), and SMTP AUTH where the provider still logs in there after
 * an IMAP refusal (QQ, see run-check.ts).
 */
function refusedLoginsPerWrongCode(provider: MailProvider, usernames: { imapFallback?: string }): number {
  return 1 + (usernames.imapFallback !== undefined ? 1 : 0) + (provider.smtpLoginAfterImapRefusal ? 1 : 0);
}

interface CheckRun {
  address: string;
  provider: MailProvider;
  username: { imap: string; smtp: string };
  /** Manual setup's login name, when it is not the address: returned with the result, to be saved. */
  loginName?: string;
  code: AuthCode;
  endpoints: MailEndpoints;
  pinned?: MailCheckInput['pinned'];
  /** Refused logins a wrong code costs here (see refusedLoginsPerWrongCode); default 1. */
  loginsPerCheck?: number;
  pausesProvider?: boolean;
  /** Limit the owner's failed checks of this provider (manual setup: see LockoutPolicy). */
  limitOwner?: boolean;
  options: CheckMailboxOptions;
}

/** How long past its own budget a check's reservation lasts before it is taken for abandoned. */
const LEASE_SLACK_MS = 30_000;

/** The check's place in the limits, the check itself, and its outcome recorded. */
async function runAndRecord(db: AppDatabase, run: CheckRun): Promise<MailboxCheckResult> {
  const { address, provider, code, endpoints, options } = run;
  const policy = options.policy ?? lockoutPolicyFromEnv();
  const timeoutMs = options.timeoutMs ?? env().CHECK_TIMEOUT_MS;
  const reserved = await reserveCheck(db, {
    address,
    providerId: provider.id,
    policy,
    ownerId: options.ownerId ?? null,
    kind: options.kind ?? 'wizard',
    leaseMs: timeoutMs + LEASE_SLACK_MS,
    // The 'manual' id stands for every server anyone typed; its failures are limited per user.
    providerBudget: run.pausesProvider !== false,
    loginsPerCheck: run.loginsPerCheck ?? 1,
    ...(run.limitOwner && options.ownerId !== undefined ? { manualOwnerId: options.ownerId } : {}),
  });
  const observed = { ownerId: options.ownerId ?? null, providerId: provider.id, kind: options.kind ?? 'wizard', address } as const;
  if (!reserved.ok) {
    observeCheck({ ...observed, refused: reserved.reason, retryAt: reserved.retryAt });
    return { status: 'refused', reason: reserved.reason, retryAt: reserved.retryAt, address, providerId: provider.id };
  }
  const { reservation } = reserved;

  let report: CheckReport;
  try {
    report = await runMailCheck({
      address,
      username: run.username,
      code,
      endpoints,
      providerId: provider.id,
      knownErrors: provider.knownErrors,
      timeoutMs,
      stageTimeoutMs: options.stageTimeoutMs ?? env().CHECK_STAGE_TIMEOUT_MS,
      signal: options.signal,
      ...(run.pinned ? { pinned: run.pinned } : {}),
    });
  } catch (err) {
    // runMailCheck throws only for input it refuses before dialling: nothing reached a server.
    await releaseCheck(db, reservation);
    throw err;
  }

  const codes = [failureCode(report.imap), failureCode(report.smtp)];
  await completeCheck(db, reservation, {
    ok: report.ok,
    imapCode: codes[0],
    smtpCode: codes[1],
    banSignal: report.banSignal,
    // A server's verdict on the login (any provider's: QQ's five-cause refusal, an enterprise IP
    // restriction...) counts, and so does a login sent and never answered; a timeout before the
    // secret went out says nothing about it and cannot get our IP banned.
    countsTowardLimit: [report.imap, report.smtp].some((side) => !side.ok && countsTowardLimits(side)),
    ...(run.pausesProvider === false ? { pausesProvider: false } : {}),
    policy,
    imapStage: report.imap.ok ? null : report.imap.stage,
    smtpStage: report.smtp.ok ? null : report.smtp.stage,
    imapServerText: report.imap.ok ? null : (report.imap.serverText ?? null),
    smtpServerText: report.smtp.ok ? null : (report.smtp.serverText ?? null),
  });
  observeCheck({ ...observed, report });

  return {
    status: 'checked',
    address,
    providerId: provider.id,
    endpoints,
    ...(run.loginName !== undefined ? { loginName: run.loginName } : {}),
    secret: code,
    codeAssessment: assessAuthCode(code, provider),
    report,
  };
}
