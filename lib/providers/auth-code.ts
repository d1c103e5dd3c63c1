import { z } from 'zod';
import { foldTypedText } from './text-fold';
import type { Locale, Localized, MailProvider } from './types';

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

// How far from the expected length a code must be before it reads as a typed password
// rather than a code with a character lost or doubled in copying.
const FAR_FROM_EXPECTED = 4;

const LETTER = /[A-Za-z]/;
const NON_LETTER = /[^A-Za-z]/;

/**
 * Warnings only: a provider may change its format, and blocking a correct code is worse
 * than letting the server say no. `code` is normalised again, so raw input is fine.
 */
export function assessAuthCode(code: string, provider: Pick<MailProvider, 'credential'>): AuthCodeAssessment {
  const format = provider.credential.format;
  const normalized = normalizeAuthCode(code);
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

const AUTH_CODE_MESSAGES: Record<'empty' | 'too_long', Localized> = {
  empty: { zh: '请粘贴授权码。', en: 'Please paste the code.' },
  too_long: {
    zh: `授权码太长（最多 ${MAX_AUTH_CODE_LENGTH} 个字符），请检查是否粘贴了其他内容。`,
    en: `This is too long for a code (${MAX_AUTH_CODE_LENGTH} characters at most); check that nothing else was pasted.`,
  },
};

/**
 * A credential field for forms and server actions: outputs the normalised code. Only
 * emptiness and absurd length block; format problems are `assessAuthCode` warnings.
 */
export function createAuthCodeSchema(locale: Locale = 'zh') {
  return z
    .string()
    .transform(normalizeAuthCode)
    .pipe(
      z
        .string()
        .min(1, { message: AUTH_CODE_MESSAGES.empty[locale] })
        .max(MAX_AUTH_CODE_LENGTH, { message: AUTH_CODE_MESSAGES.too_long[locale] }),
    );
}

export const authCodeSchema = createAuthCodeSchema('zh');
