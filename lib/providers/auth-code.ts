import { z } from '@/lib/zod';
import { foldTypedText } from './text-fold';
import type { MailProvider, SecretKind } from './types';
import type { Locale, Localized } from '@/lib/i18n/locale';

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

/** Keeps letter case: NetEase codes are case-sensitive and come in upper, lower and mixed case. */
export function normalizeAuthCode(input: string): string {
  return foldTypedText(input).replace(NOT_PART_OF_A_CODE, '');
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
 * What is sent for `text` typed as this provider's secret: a code cleaned of everything a copy
 * brings along (`normalizeAuthCode`), a password exactly as typed but for its ends
 * (`trimPastedEnds`). Idempotent, so the browser, the server action and the check may each apply it.
 */
export function cleanSecret(text: string, provider: Pick<MailProvider, 'credential'>): string {
  return cleanByKind(text, provider.credential.kind);
}

function cleanByKind(text: string, kind: SecretKind | undefined): string {
  if (kind === 'code') return normalizeAuthCode(text);
  // Kind not known yet (before the provider is): only what both kinds drop, so that either
  // cleaning applied later gives what it would have given on the text as typed.
  return trimPastedEnds(text);
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
  const normalized = cleanSecret(code, provider);
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

type SizeProblem = Exclude<SecretProblem, 'unsendable'>;

const CODE_WORDS: Record<SizeProblem, Localized> = {
  empty: { zh: '请粘贴授权码。', en: 'Please paste the code.' },
  too_long: {
    zh: `授权码太长（最多 ${MAX_AUTH_CODE_LENGTH} 个字符），请检查是否粘贴了其他内容。`,
    en: `This is too long for a code (${MAX_AUTH_CODE_LENGTH} characters at most); check that nothing else was pasted.`,
  },
};

const SIZE_WORDS: Record<SecretKind | 'unknown', Record<SizeProblem, Localized>> = {
  code: CODE_WORDS,
  password: {
    empty: { zh: '请填写密码。', en: 'Please enter the password.' },
    too_long: {
      zh: `密码太长（最多 ${MAX_AUTH_CODE_LENGTH} 个字符），请检查是否粘贴了其他内容。`,
      en: `This is too long for a password (${MAX_AUTH_CODE_LENGTH} characters at most); check that nothing else was pasted.`,
    },
  },
  // Before the provider is known (the server actions' first parse), only what holds for both
  // kinds is refused. The forms refuse it first in their provider's words, so these words reach
  // only a client that skipped the form; most secrets are codes.
  unknown: CODE_WORDS,
};

const UNSENDABLE_WORDS: Localized = {
  zh: '密码中间有换行（或其他控制字符），邮件服务器收不到这样的密码。请检查是否把下一行也复制进来了。',
  en: 'The password has a line break (or another control character) inside it, which no mail server can receive. Check that the next line was not copied along.',
};

// IMAP LOGIN and SMTP AUTH end a command at a line break, and SASL PLAIN separates its fields
// with NUL: a password with either inside cannot be sent as it is, and sending it changed
// would be a refused login that counts toward the lockout.
const UNSENDABLE = /[\0\r\n]/;

export type AcceptedSecret = { ok: true; secret: string } | { ok: false; problem: SecretProblem; message: Localized };

function acceptByKind(text: string, kind: SecretKind | undefined): AcceptedSecret {
  const secret = cleanByKind(text, kind);
  const words = SIZE_WORDS[kind ?? 'unknown'];
  // Nothing visible is empty for both kinds: no password is only spaces, and sending one would
  // only be refused.
  const visible = kind === 'code' ? secret : normalizeAuthCode(secret);
  if (!visible) return { ok: false, problem: 'empty', message: words.empty };
  // Unknown kind: too long only if even the code cleaning leaves too much.
  if ((kind === undefined ? visible : secret).length > MAX_AUTH_CODE_LENGTH) {
    return { ok: false, problem: 'too_long', message: words.too_long };
  }
  if (kind === 'password' && UNSENDABLE.test(secret)) return { ok: false, problem: 'unsendable', message: UNSENDABLE_WORDS };
  return { ok: true, secret };
}

/**
 * The server's rule, after detection: `text` cleaned as this provider's secret, or why it
 * cannot be sent, in both languages. What the check sends and what is sealed.
 */
export function acceptSecret(text: string, provider: Pick<MailProvider, 'credential'>): AcceptedSecret {
  return acceptByKind(text, provider.credential.kind);
}

/**
 * A credential field for forms and server actions: outputs the secret as it will be sent. With
 * `kind` (the provider is known), that kind's cleaning and rules; without it, only what holds
 * for both kinds, and the text is kept as typed but for its ends, for `acceptSecret` to finish
 * once the provider is known. Only emptiness, absurd length and unsendable characters block;
 * format problems are `assessAuthCode` warnings.
 */
export function createAuthCodeSchema(locale: Locale = 'zh', kind?: SecretKind) {
  return z.string().transform((text, ctx) => {
    const accepted = acceptByKind(text, kind);
    if (accepted.ok) return accepted.secret;
    ctx.addIssue({ code: 'custom', message: accepted.message[locale], params: { problem: accepted.problem } });
    return z.NEVER;
  });
}
