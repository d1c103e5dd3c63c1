import { format, type Localized } from '@/lib/i18n/locale';
import { byLocale, wordsFrom } from '@/lib/i18n/localized';
import { DIAGNOSIS_MESSAGES } from '@/lib/i18n/messages/diagnosis';
import type { KnownServerError, MailProvider, ServerEndpoint } from '@/lib/providers/types';
import type { CheckStage, Diagnosis, FailureCode, GuideStep, MailCheckProtocol, ProtocolCheckResult } from './types';

// What a failed check tells the user: per failure code, the step that fixes it and a title, an
// explanation and a checklist in Chinese and English. The words are a catalog keyed by code
// (lib/i18n/messages/diagnosis.ts); the facts are here. `diagnose` only fills in the stage and
// lays a provider's own wording (`MailProvider.diagnoses`) over the general one.

const { text, list } = wordsFrom(DIAGNOSIS_MESSAGES);

interface DiagnosisText {
  title: Localized;
  explanation: Localized;
  checklist: Localized[];
  guideStep: GuideStep;
  waitMinutes?: number;
}

/** Per code: the guide step that fixes it, and how long to wait before the next try where that is the fix. */
const FIXES: Record<FailureCode, { guideStep: GuideStep; waitMinutes?: number }> = {
  auth_failed: { guideStep: 'enable-service-and-get-code' },
  unsafe_login: { guideStep: 'configure-in-client' },
  smtp_not_enabled: { guideStep: 'access-settings' },
  sender_rejected: { guideStep: 'core-parameters-configuration' },
  ip_banned: { guideStep: 'enable-service-and-get-code' },
  content_flagged: { guideStep: 'configure-in-client' },
  password_instead_of_code: { guideStep: 'enable-service-and-get-code' },
  auth_failed_or_limited: { guideStep: 'enable-service-and-get-code', waitMinutes: 15 },
  ip_not_allowed: { guideStep: 'access-settings' },
  wrong_server_group: { guideStep: 'core-parameters-configuration' },
  no_auth_offered: { guideStep: 'core-parameters-configuration' },
  server_busy: { guideStep: 'configure-in-client' },
  auth_setup_failed: { guideStep: 'core-parameters-configuration' },
  not_attempted: { guideStep: 'configure-in-client' },
  tls_failed: { guideStep: 'core-parameters-configuration' },
  timeout: { guideStep: 'core-parameters-configuration' },
  unreachable: { guideStep: 'core-parameters-configuration' },
  aborted: { guideStep: 'configure-in-client' },
  unexpected: { guideStep: 'core-parameters-configuration' },
};

const diagnosisText = (code: FailureCode): DiagnosisText => ({
  title: text((m) => m.codes[code].title),
  explanation: text((m) => m.codes[code].explanation),
  checklist: list((m) => m.codes[code].checklist),
  ...FIXES[code],
});

export const DIAGNOSES = Object.fromEntries(
  (Object.keys(FIXES) as FailureCode[]).map((code) => [code, diagnosisText(code)]),
) as Record<FailureCode, DiagnosisText>;

/** Each stage as the user would describe it, for "stopped while …" messages. */
export const STAGE_LABELS = Object.fromEntries(
  (Object.keys(DIAGNOSIS_MESSAGES.zh.stages) as CheckStage[]).map((stage) => [stage, text((m) => m.stages[stage])]),
) as Record<CheckStage, Localized>;

// Codes where the stage is part of the message: the user needs to know where it stopped.
const STAGE_IN_EXPLANATION: ReadonlySet<FailureCode> = new Set(['timeout', 'unexpected', 'aborted']);

/** Whose wording a diagnosis uses: a provider's overrides, laid over the general texts. */
export type DiagnosisSource = Pick<MailProvider, 'diagnoses'>;

function overrideFor(code: FailureCode, provider: DiagnosisSource | undefined) {
  const overrides = provider?.diagnoses;
  return overrides && Object.hasOwn(overrides, code) ? overrides[code as keyof typeof overrides] : undefined;
}

/** The diagnosis of `code`, in `provider`'s words where it has its own, with the stage named where it matters. */
export function diagnose(code: FailureCode, stage: CheckStage, provider?: DiagnosisSource): Diagnosis {
  const base = DIAGNOSES[code];
  const own = overrideFor(code, provider);
  const text = {
    title: own?.title ?? base.title,
    explanation: own?.explanation ?? base.explanation,
    checklist: own?.checklist ? [...own.checklist] : base.checklist,
    guideStep: own?.guideStep ?? base.guideStep,
  };
  const label = STAGE_LABELS[stage];
  const explanation = STAGE_IN_EXPLANATION.has(code)
    ? byLocale((locale) => format(DIAGNOSIS_MESSAGES[locale].stoppedAt, { stage: label[locale], explanation: text.explanation[locale] }))
    : text.explanation;
  return {
    code,
    title: text.title,
    explanation,
    checklist: text.checklist,
    guideStep: text.guideStep,
    ...(base.waitMinutes !== undefined ? { waitMinutes: base.waitMinutes } : {}),
  };
}

/** A protocol's failed result: the failure as the check saw it, with its diagnosis. */
export function failedResult(
  failure: { code: FailureCode; stage: CheckStage; serverText?: string; detail?: string },
  endpoint: ServerEndpoint,
  durationMs: number,
  provider?: DiagnosisSource,
): ProtocolCheckResult {
  return {
    ok: false,
    durationMs,
    endpoint,
    code: failure.code,
    stage: failure.stage,
    ...(failure.serverText !== undefined ? { serverText: failure.serverText } : {}),
    ...(failure.detail !== undefined ? { detail: failure.detail } : {}),
    diagnosis: diagnose(failure.code, failure.stage, provider),
  };
}

// ---- server replies --------------------------------------------------------------------------

export interface ServerReply {
  protocol: MailCheckProtocol;
  stage: CheckStage;
  /** The reply as received (IMAP: `NO ...`; SMTP: `535 ...`). */
  text: string;
  /** SMTP reply code. */
  replyCode?: number;
  /** IMAP completion status. */
  status?: 'NO' | 'BAD' | 'BYE';
  /** IMAP response code (RFC 5530), the bracketed atom after the status, without brackets. */
  responseCode?: string;
}

interface GenericReplyRule {
  protocol: MailCheckProtocol;
  stages: readonly CheckStage[];
  /** IMAP completion status. */
  status?: ServerReply['status'];
  /** IMAP response codes, upper case; `null` stands for a reply that carries none. */
  responseCodes?: readonly (string | null)[];
  /** The first digit of an SMTP reply code. */
  replyClass?: 4 | 5;
  replyCodes?: readonly number[];
  code: FailureCode;
}

// What a refusal means when no provider text matched, decided by the protocol's own codes and
// not by the command that drew the refusal: only a verdict on the credentials may count toward the
// lockout (isLoginVerdict), so a server that is busy, or that wants TLS or another mechanism
// first, must not look like a wrong code. Anything not listed is unexpected, and not counted.
const GENERIC_REPLY_RULES: readonly GenericReplyRule[] = [
  // A NO at LOGIN without a code is how most servers refuse a wrong password (NetEase says no
  // more); ALERT only asks for the text to be shown, so it is read as no code. EXPIRED means
  // the code itself is no longer valid (NetEase enterprise codes expire), AUTHORIZATIONFAILED
  // that the server will not let these credentials in: verdicts on the credentials too.
  {
    protocol: 'imap',
    stages: ['login'],
    status: 'NO',
    responseCodes: [null, 'ALERT', 'AUTHENTICATIONFAILED', 'AUTHORIZATIONFAILED', 'EXPIRED'],
    code: 'auth_failed',
  },
  // RFC 5530: the server cannot serve the login now; it judged nothing.
  { protocol: 'imap', stages: ['login'], status: 'NO', responseCodes: ['UNAVAILABLE', 'LIMIT', 'INUSE', 'SERVERBUG'], code: 'server_busy' },
  // Credentials in clear are refused before they are read.
  { protocol: 'imap', stages: ['login'], status: 'NO', responseCodes: ['PRIVACYREQUIRED'], code: 'auth_setup_failed' },
  // RFC 4954: 535 is the one verdict on the credentials; 530 asks for TLS (or AUTH) first, 534
  // for a stronger mechanism, 538 for encryption before this mechanism; 4xx is temporary (454,
  // 421, 432). Other 5xx (500-504: syntax, unknown command or parameter) stay unexpected.
  { protocol: 'smtp', stages: ['auth'], replyCodes: [535], code: 'auth_failed' },
  { protocol: 'smtp', stages: ['auth'], replyCodes: [530, 534, 538], code: 'auth_setup_failed' },
  { protocol: 'smtp', stages: ['auth'], replyClass: 4, code: 'server_busy' },
  { protocol: 'smtp', stages: ['mail_from'], replyCodes: [550, 553, 555], code: 'sender_rejected' },
];

/** The failure code for a server refusal: the provider's documented texts first, then the protocol's codes. */
export function classifyServerReply(reply: ServerReply, knownErrors: readonly KnownServerError[]): FailureCode {
  const lower = reply.text.toLowerCase();
  const known = knownErrors.find(
    (k) =>
      k.protocol === reply.protocol &&
      (k.replyCode === undefined || reply.replyCode === undefined || k.replyCode === reply.replyCode) &&
      lower.includes(k.match.toLowerCase()),
  );
  if (known) return known.failure;
  const responseCode = reply.responseCode?.toUpperCase() ?? null;
  const rule = GENERIC_REPLY_RULES.find(
    (r) =>
      r.protocol === reply.protocol &&
      r.stages.includes(reply.stage) &&
      (r.status === undefined || r.status === reply.status) &&
      (r.responseCodes === undefined || r.responseCodes.includes(responseCode)) &&
      (r.replyCodes === undefined || (reply.replyCode !== undefined && r.replyCodes.includes(reply.replyCode))) &&
      (r.replyClass === undefined || (reply.replyCode !== undefined && Math.floor(reply.replyCode / 100) === r.replyClass)),
  );
  return rule?.code ?? 'unexpected';
}

/** Whether this failure tells the lockout layer to pause the provider. */
export const isBanSignal = (code: FailureCode): boolean => code === 'ip_banned';

// The server refused a login, or said it is refusing us: the failures a provider may count
// against our IP. A timeout or a refused connection says nothing about the login and must not
// lock a user out; every one of these should. Not here, on purpose: server_busy and
// auth_setup_failed (the server judged no credentials) and not_attempted (no login was sent).
const LOGIN_VERDICTS: ReadonlySet<FailureCode> = new Set<FailureCode>([
  'auth_failed',
  'smtp_not_enabled',
  'ip_banned',
  'password_instead_of_code',
  'auth_failed_or_limited',
  'ip_not_allowed',
  'wrong_server_group',
]);

/** Whether this failure should count toward the lockout limits. */
export const isLoginVerdict = (code: FailureCode): boolean => LOGIN_VERDICTS.has(code);

// The secret went out (IMAP LOGIN, SMTP AUTH) and no verdict came back: no answer in time, a
// dropped connection, an answer we do not know. The server may well have refused it and counted
// the refusal against our address, so the limits count it as if it had.
const UNANSWERED_AFTER_SECRET: ReadonlySet<FailureCode> = new Set<FailureCode>(['timeout', 'unexpected', 'aborted']);

/** Whether a protocol's failure counts toward the limits: a verdict on the login, or a login left unanswered. */
export const countsTowardLimits = (failure: { code: FailureCode; stage: CheckStage }): boolean =>
  isLoginVerdict(failure.code) || ((failure.stage === 'login' || failure.stage === 'auth') && UNANSWERED_AFTER_SECRET.has(failure.code));

// ---- redaction -------------------------------------------------------------------------------

const REDACTED = '[redacted]';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function that removes the code from anything a server says, in every form it travelled in:
 * as typed (IMAP LOGIN, case-insensitive), base64 on its own (AUTH LOGIN) and inside the
 * AUTH PLAIN blob, with and without an authorization identity.
 */
export function createRedactor(code: string, usernames: string | readonly string[]): (text: string) => string {
  if (!code) return (text) => text;
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  const forms = [
    ...[usernames].flat().flatMap((user) => [b64(`\u0000${user}\u0000${code}`), b64(`${user}\u0000${user}\u0000${code}`)]),
    b64(code),
    b64(code).replace(/=+$/, ''),
  ];
  const exact = new RegExp(forms.filter(Boolean).map(escapeRegExp).join('|'), 'g');
  const plain = new RegExp(escapeRegExp(code), 'gi');
  return (text) => text.replace(exact, REDACTED).replace(plain, REDACTED);
}
