import 'server-only';
import type { AppDatabase } from '@/lib/db/client';
import { env, type EndpointOverrides } from '@/lib/env';
import { assessAuthCode, normalizeAuthCode, MAX_AUTH_CODE_LENGTH, type AuthCodeAssessment } from '@/lib/providers/auth-code';
import { discoverByMx } from '@/lib/discovery/mx';
import type { DnsOptions } from '@/lib/discovery/dns';
import { detectProvider, detectProviderById, type AddressProblem } from '@/lib/providers/detect';
import type { Localized, MailEndpoints } from '@/lib/providers/types';
import { isLoginVerdict } from './diagnosis';
import { isAllowedEndpoint, resolveEndpoints } from './endpoints';
import { checkAllowance, lockoutPolicyFromEnv, recordCheckAttempt, type LockoutPolicy, type LockoutReason } from './lockout';
import { runMailCheck } from './run-check';
import type { CheckReport, ProtocolCheckResult } from './types';

// What a server action calls: from what the user typed to a checked mailbox, with every guard
// in between. Detection decides the servers (the user never names a host), the lockout decides
// whether we may knock at all, and the outcome is recorded so the limits hold across restarts
// and app instances.

export type MailboxCheckResult =
  | { status: 'invalid_address'; problem: AddressProblem; message: Localized }
  | { status: 'unknown_provider'; domain: string; message: Localized }
  | { status: 'invalid_code'; message: Localized }
  | { status: 'no_such_alternative' }
  | { status: 'refused'; reason: LockoutReason; retryAt: Date; address: string; providerId: string }
  | {
      status: 'checked';
      address: string;
      providerId: string;
      endpoints: MailEndpoints;
      codeAssessment: AuthCodeAssessment;
      report: CheckReport;
    };

export interface CheckMailboxOptions {
  overrides?: EndpointOverrides;
  policy?: LockoutPolicy;
  timeoutMs?: number;
  stageTimeoutMs?: number;
  signal?: AbortSignal;
  /** The signed-in user the check runs for; recorded with the attempt for support staff. */
  ownerId?: string;
  /** How a custom domain's MX records are looked up; default: MAIL_DNS_SERVERS, else the system's. */
  dns?: DnsOptions;
}

const EMPTY_CODE: Localized = {
  zh: '请粘贴客户端授权码。',
  en: 'Please paste the client authorization code.',
};
const LONG_CODE: Localized = {
  zh: `这段文字太长了（最多 ${MAX_AUTH_CODE_LENGTH} 个字符），不像是授权码。`,
  en: `That is too long for an authorization code (${MAX_AUTH_CODE_LENGTH} characters at most).`,
};

const failureCode = (r: ProtocolCheckResult) => (r.ok ? null : r.code);

export async function checkMailbox(
  db: AppDatabase,
  input: { address: string; code: string; alternative?: number },
  options: CheckMailboxOptions = {},
): Promise<MailboxCheckResult> {
  let detected = detectProvider(input.address);
  // A domain no provider lists may be a customer's own, hosted by a provider we know (NetEase
  // enterprise): its MX records say which. The browser's answer is never trusted; we ask again.
  if (!detected.ok && detected.error === 'unknown_provider') {
    const mx = await discoverByMx(detected.domain, { servers: env().MAIL_DNS_SERVERS, signal: options.signal, ...options.dns });
    // The wizard words each lookup outcome itself; here the answer is that we cannot check it.
    if (mx.code !== 'provider') return { status: 'unknown_provider', domain: detected.domain, message: detected.message };
    detected = detectProviderById(input.address, mx.providerId);
  }
  if (!detected.ok) {
    return detected.error === 'invalid_address'
      ? { status: 'invalid_address', problem: detected.problem, message: detected.message }
      : { status: 'unknown_provider', domain: detected.domain, message: detected.message };
  }

  const code = normalizeAuthCode(input.code);
  if (!code) return { status: 'invalid_code', message: EMPTY_CODE };
  if (code.length > MAX_AUTH_CODE_LENGTH) return { status: 'invalid_code', message: LONG_CODE };

  const overrides = options.overrides ?? env().MAIL_ENDPOINT_OVERRIDES;
  const resolved = resolveEndpoints(detected.domain, detected.endpoints, detected.alternatives, {
    alternative: input.alternative,
    overrides,
  });
  if (!resolved.ok) return { status: 'no_such_alternative' };
  const { endpoints } = resolved;
  // Defence in depth: endpoints only ever come from provider data or the test seam.
  if (!isAllowedEndpoint(endpoints.imap, overrides) || !isAllowedEndpoint(endpoints.smtp, overrides)) {
    throw new Error('checkMailbox: resolved an endpoint outside provider data and overrides');
  }

  const { address, provider } = detected;
  const policy = options.policy ?? lockoutPolicyFromEnv();
  const allowance = await checkAllowance(db, { address, providerId: provider.id, policy });
  if (!allowance.allowed) {
    return { status: 'refused', reason: allowance.reason, retryAt: allowance.retryAt, address, providerId: provider.id };
  }

  const startedAt = new Date();
  const report = await runMailCheck({
    address,
    username: { imap: detected.username.imap, smtp: detected.username.smtp },
    code,
    endpoints,
    providerId: provider.id,
    knownErrors: provider.knownErrors,
    timeoutMs: options.timeoutMs ?? env().CHECK_TIMEOUT_MS,
    stageTimeoutMs: options.stageTimeoutMs ?? env().CHECK_STAGE_TIMEOUT_MS,
    signal: options.signal,
  });
  const finishedAt = new Date();

  const codes = [failureCode(report.imap), failureCode(report.smtp)];
  await recordCheckAttempt(db, {
    address,
    providerId: provider.id,
    ok: report.ok,
    imapCode: codes[0],
    smtpCode: codes[1],
    banSignal: report.banSignal,
    // Only a server's verdict on the login (any provider's: QQ's five-cause refusal, an
    // enterprise IP restriction...) can get our IP banned; a timeout says nothing about the code.
    countsTowardLimit: codes.some((c) => c !== null && isLoginVerdict(c)),
    startedAt,
    finishedAt,
    policy,
    ownerId: options.ownerId ?? null,
    imapStage: report.imap.ok ? null : report.imap.stage,
    smtpStage: report.smtp.ok ? null : report.smtp.stage,
    imapServerText: report.imap.ok ? null : (report.imap.serverText ?? null),
    smtpServerText: report.smtp.ok ? null : (report.smtp.serverText ?? null),
  });

  return {
    status: 'checked',
    address,
    providerId: provider.id,
    endpoints,
    codeAssessment: assessAuthCode(code, provider),
    report,
  };
}
