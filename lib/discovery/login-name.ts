// The login name manual setup sends when it is not the address (issue 18 item 4): its rules, and
// the name an autoconfig file's `<username>` template gives an address. Plain code, no zod and no
// words: the wizard's manual setup state (lib/wizard/manual-setup.ts) reads it at first paint, and
// the shared schema (./manual.ts) builds its field on it.

/** The longest login name manual setup sends (an address is at most 254 characters; a login name is rarely longer). */
export const LOGIN_NAME_MAX_LENGTH = 254;

// Control characters (a line break would end the IMAP or SMTP command it rides in), and the
// invisible ones a paste brings along (zero-width spaces, direction marks, line separators).
const UNSENDABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** What can be wrong with a login name (the issue codes are `manual.<problem>`). */
export type LoginNameProblem = 'login_invisible' | 'login_too_long';

/**
 * The problem with a login name, or undefined when it can be sent. Judged as it will be sent:
 * ends trimmed (the schema trims them), case kept, nothing else changed.
 */
export function loginNameProblem(name: string): LoginNameProblem | undefined {
  if (UNSENDABLE.test(name)) return 'login_invisible';
  if (name.length > LOGIN_NAME_MAX_LENGTH) return 'login_too_long';
  return undefined;
}

/** Thunderbird's `<username>` placeholders filled in for `address` (ASCII domain); others left as written. */
export function fillLoginTemplate(template: string, address: string): string {
  const at = address.lastIndexOf('@');
  return template
    .replaceAll('%EMAILADDRESS%', address)
    .replaceAll('%EMAILLOCALPART%', address.slice(0, at))
    .replaceAll('%EMAILDOMAIN%', address.slice(at + 1));
}

/**
 * The login name a guess's template gives `address`: filled in, or empty when that is the address
 * itself (or there is no template, or the name could not be sent).
 */
export function guessedLoginName(guess: { loginTemplate?: string }, address: string): string {
  if (guess.loginTemplate === undefined) return '';
  const name = fillLoginTemplate(guess.loginTemplate, address).trim();
  return name === address || loginNameProblem(name) !== undefined ? '' : name;
}
