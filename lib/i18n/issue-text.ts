import type { FieldValues, Resolver } from 'react-hook-form';
import type { FieldIssue } from '@/lib/actions/result';
import type { Locale } from './locale';
import { ISSUE_MESSAGES } from './messages/issues';

// The edge where a schema's issue codes become words: the form that shows a complaint looks it
// up here, in the reader's language. Client-safe, like the catalogs it reads. Only the shared
// issue catalog is imported: a form with codes of its own (sign-in, the support console, the
// wizard's `manual.*` for manual setup's servers) passes its words in, so the sign-in, /support
// and /accounts bundles carry no other area's texts.

// What an issue code looks like (`code.empty`, `manual.host_url`); anything else is words already.
const ISSUE_CODE = /^[a-z_]+\.[a-z_]+$/;

/**
 * The words for one complaint: an issue code of the mailbox forms (lib/i18n/messages/issues.ts),
 * or of `words` when the form has its own catalog (sign-in, the support console, the wizard's
 * manual setup: lib/wizard/client/logic.ts); a complaint already in words (a refused server, named)
 * in the reader's language. Text that is no issue code (a use case that words its own answers,
 * lib/accounts/manage.ts) is shown as it is; a code no catalog knows, which only a client that
 * skipped the form can cause, gets the general "please check".
 */
export function issueText(issue: FieldIssue, locale: Locale, words?: Readonly<Record<string, string>>): string {
  if (typeof issue !== 'string') return issue[locale];
  if (!ISSUE_CODE.test(issue)) return issue;
  const own = words && Object.hasOwn(words, issue) ? words[issue] : undefined;
  if (own !== undefined) return own;
  const catalog: Readonly<Record<string, string>> = ISSUE_MESSAGES[locale];
  if (Object.hasOwn(catalog, issue)) return catalog[issue]!;
  return ISSUE_MESSAGES[locale]['input.invalid'];
}

/**
 * A react-hook-form resolver whose complaints arrive in words: the schema's issue codes looked up
 * as issueText does, so a form shows `errors.x.message` as it is, and a complaint the server
 * sends back is worded the same way before it is set on its field.
 */
export function wordedResolver<Input extends FieldValues, Context, Output>(
  resolver: Resolver<Input, Context, Output>,
  locale: Locale,
  words?: Readonly<Record<string, string>>,
): Resolver<Input, Context, Output> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    return { ...result, errors: worded(result.errors, locale, words) } as typeof result;
  };
}

function worded(errors: unknown, locale: Locale, words?: Readonly<Record<string, string>>): unknown {
  if (typeof errors !== 'object' || errors === null) return errors;
  const entries = Object.entries(errors).map(([key, value]): [string, unknown] => {
    if (key === 'message' && typeof value === 'string') return [key, issueText(value, locale, words)];
    // `ref` is the field's element: never walked into.
    return key === 'ref' ? [key, value] : [key, worded(value, locale, words)];
  });
  return Object.fromEntries(entries);
}
