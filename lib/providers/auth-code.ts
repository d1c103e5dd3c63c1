import { z } from '@/lib/zod';
import { foldTypedText } from './text-fold';
import type { MailProvider, SecretKind } from './types';

export type AuthCodeWarning = 'wrong_length' | 'non_letters' | 'looks_like_password';

export interface AuthCodeAssessment {
  /** Significant characters: the format's group separator is not counted. */
  length: number;
  /** `null` when the provider's code format is not known. */
  expectedLength: number | null;
  looksValid: boolean;
  warnings: AuthCodeWarning[];
}

// Codes are shown on a web page and copied by hand or by phone, so they arrive with spaces,
// line breaks and invisible characters between the groups. None of these occur in a code.
const NOT_PART_OF_A_CODE = /[\s\p{Cc}]/gu;

/**
 * Keeps letter case: NetEase codes are case-sensitive and come in upper, lower and mixed case.
 * Folding and stripping repeat until nothing changes: a stripped character can leave a letter
 * beside a combining mark that folding then joins, and a second cleaning must give the same
 * code as the first (the save asserts it). Each round only removes or joins characters, so a
 * few rounds settle any input; the bound is there all the same.
 */
export function normalizeAuthCode(input: string): string {
  let current = input;
  for (let round = 0; round < 8; round++) {
    const next = foldTypedText(current).replace(NOT_PART_OF_A_CODE, '');
    if (next === current) return next;
    current = next;
  }
  return current;
}

// A password is the user's own: a space, a full-width letter or a symbol may well be part of it,
// and changing one makes a correct password fail (and count toward the lockout). What a copy
// adds at the ends (a line break from a triple-click, a zero-width space or BOM from a web page
// or chat app) is never meant, and nobody can see it to remove it.
const PASTED_AT_THE_ENDS = /^[\r\n\u200b-\u200d\u2060\ufeff]+|[\r\n\u200b-\u200d\u2060\ufeff]+$/g;

/** A password as typed, without the line breaks and zero-width characters a paste brings at either end. */
function trimPastedEnds(input: string): string {
  return input.replace(PASTED_AT_THE_ENDS, '');
}

/**
 * What is sent for `text` typed as a secret of this kind: a code cleaned of everything a copy
 * brings along (`normalizeAuthCode`), a password exactly as typed but for its ends
 * (`trimPastedEnds`). With the kind not known yet (before the provider is), only what both kinds
 * drop, so that either cleaning applied later gives what it would have given on the text as
 * typed. The one cleaning: the code field applies it as the reader types, the schemas below
 * through it, and acceptSecret once the provider is known. Idempotent.
 */
export function cleanSecret(text: string, kind: SecretKind | undefined): string {
  return kind === 'code' ? normalizeAuthCode(text) : trimPastedEnds(text);
}

// How far from the expected length a code must be before it reads as a typed password
// rather than a code with a character lost or doubled in copying.
const FAR_FROM_EXPECTED = 4;

const LETTER = /[A-Za-z]/;
const NON_LETTER = /[^A-Za-z]/;

/**
 * Warnings only: a provider may change its format, and blocking a correct code is worse
 * than letting the server say no. `code` is cleaned again as the provider's secret, so raw
 * input is fine.
 */
export function assessAuthCode(code: string, provider: Pick<MailProvider, 'credential'>): AuthCodeAssessment {
  const format = provider.credential.format;
  const normalized = cleanSecret(code, provider.credential.kind);
  if (!format) {
    return { length: normalized.length, expectedLength: null, looksValid: normalized.length > 0, warnings: [] };
  }
  const significant = format.separator ? normalized.split(format.separator).join('') : normalized;
  const length = significant.length;
  // Where only the length is on record, characters say nothing about what was typed.
  const lettersOnly = (format.alphabet ?? 'letters') === 'letters';
  const hasLetters = LETTER.test(significant);
  const hasOthers = lettersOnly && NON_LETTER.test(significant);
  const checks: ReadonlyArray<[AuthCodeWarning, boolean]> = [
    ['wrong_length', length !== format.length],
    ['non_letters', hasOthers],
    // Web passwords mix letters with digits or symbols and are rarely exactly code-length;
    // a code is letters only.
    [
      'looks_like_password',
      length > 0 && ((hasLetters && hasOthers) || Math.abs(length - format.length) >= FAR_FROM_EXPECTED),
    ],
  ];
  const warnings = checks.filter(([, applies]) => applies).map(([warning]) => warning);
  return { length, expectedLength: format.length, looksValid: warnings.length === 0, warnings };
}

export const MAX_AUTH_CODE_LENGTH = 128;

/** Why a secret cannot be sent: nothing in it, absurdly long, or a character a mail command cannot carry. */
export type SecretProblem = 'empty' | 'too_long' | 'unsendable';

/**
 * A secret refused, as an issue code the form showing it words from its catalog
 * (lib/i18n/messages/issues.ts). A code's and a password's complaints differ; before the
 * provider is known, a code's are used, as most secrets are codes.
 */
export type SecretIssue = 'code.empty' | 'code.too_long' | 'password.empty' | 'password.too_long' | 'password.unsendable';

const ISSUES: Record<SecretKind | 'unknown', Record<Exclude<SecretProblem, 'unsendable'>, SecretIssue>> = {
  code: { empty: 'code.empty', too_long: 'code.too_long' },
  password: { empty: 'password.empty', too_long: 'password.too_long' },
  // Before the provider is known (the server actions' parse), only what holds for both kinds is
  // refused. The forms refuse it first in their provider's words, so these reach only a client
  // that skipped the form.
  unknown: { empty: 'code.empty', too_long: 'code.too_long' },
};

declare const AUTH_CODE: unique symbol;

/**
 * A secret as its provider takes it: what the check sends and what is sealed. Only acceptSecret
 * makes one, so a function taking an AuthCode never cleans it again.
 */
export type AuthCode = string & { readonly [AUTH_CODE]: true };

// IMAP LOGIN and SMTP AUTH end a command at a line break, and SASL PLAIN separates its fields
// with NUL: a password with either inside cannot be sent as it is, and sending it changed
// would be a refused login that counts toward the lockout.
const UNSENDABLE = /[\0\r\n]/;

type SecretRefusal = { ok: false; problem: SecretProblem; issue: SecretIssue };

export type AcceptedSecret = { ok: true; secret: AuthCode } | SecretRefusal;

/** The rules of `kind` (or, unknown, of both kinds) applied to `text`: the secret as it would be sent, or why not. */
function judgeSecret(text: string, kind: SecretKind | undefined): { ok: true; secret: string } | SecretRefusal {
  const refuse = (problem: SecretProblem): SecretRefusal => {
    const issue = problem === 'unsendable' ? 'password.unsendable' : ISSUES[kind ?? 'unknown'][problem];
    return { ok: false, problem, issue };
  };
  const secret = cleanSecret(text, kind);
  // Nothing visible is empty for both kinds: no password is only spaces, and sending one would
  // only be refused.
  const visible = kind === 'code' ? secret : normalizeAuthCode(secret);
  if (!visible) return refuse('empty');
  // Unknown kind: too long only if even the code cleaning leaves too much.
  if ((kind === undefined ? visible : secret).length > MAX_AUTH_CODE_LENGTH) return refuse('too_long');
  if (kind === 'password' && UNSENDABLE.test(secret)) return refuse('unsendable');
  return { ok: true, secret };
}

/**
 * The server's rule, once the provider is known: `text` cleaned as this provider's secret, or
 * why it cannot be sent. What the check sends and what is sealed; applied once, by the check
 * (lib/mail-check/check-mailbox.ts), to what the action parsed.
 */
export function acceptSecret(text: TypedSecret | string, provider: Pick<MailProvider, 'credential'>): AcceptedSecret {
  const judged = judgeSecret(text, provider.credential.kind);
  return judged.ok ? { ok: true, secret: judged.secret as AuthCode } : judged;
}

/** For the functions that take an accepted secret: it must already be as `provider` takes it. */
export function assertAuthCode(code: AuthCode, provider: Pick<MailProvider, 'credential'>): AuthCode {
  const accepted = judgeSecret(code, provider.credential.kind);
  if (!accepted.ok || accepted.secret !== code) throw new TypeError(`not a secret as the provider takes it (${accepted.ok ? 'uncleaned' : accepted.problem})`);
  return code;
}

function secretSchema(kind: SecretKind | undefined) {
  return z.string({ error: ISSUES[kind ?? 'unknown'].empty }).transform((text, ctx) => {
    const judged = judgeSecret(text, kind);
    if (judged.ok) return judged.secret;
    ctx.addIssue({ code: 'custom', message: judged.issue });
    return z.NEVER;
  });
}

// Built once each: the issues are codes, so no language is baked in.
const SCHEMAS = {
  code: secretSchema('code'),
  password: secretSchema('password'),
  unknown: secretSchema(undefined).brand<'TypedSecret'>(),
};

/**
 * A secret as the server action parsed it (`authCodeSchema()`): as typed but for what a paste
 * brings at its ends, not empty, not absurdly long. Its provider, which may take an MX lookup to
 * find, then accepts it (acceptSecret) or refuses it.
 */
export type TypedSecret = z.output<typeof SCHEMAS.unknown>;

/**
 * A credential field: outputs the secret as it will be sent, or an issue code (SecretIssue).
 * With `kind` (the browser, which knows the provider), that kind's cleaning and rules; without
 * it (the server action, before detection), only what holds for both kinds, and the text kept
 * as typed but for its ends (a TypedSecret) for acceptSecret to finish once the provider is
 * known. Only emptiness, absurd length and unsendable characters block; format problems are
 * `assessAuthCode` warnings.
 */
export function authCodeSchema(): typeof SCHEMAS.unknown;
export function authCodeSchema(kind: SecretKind | undefined): (typeof SCHEMAS)[keyof typeof SCHEMAS];
export function authCodeSchema(kind?: SecretKind) {
  return kind ? SCHEMAS[kind] : SCHEMAS.unknown;
}
