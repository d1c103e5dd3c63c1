'use client';

import type { StatusChangeView } from '@/lib/accounts/view';
import { format, type Locale } from '@/lib/i18n/locale';
import type { AccountsCardMessages } from '@/lib/i18n/messages/accounts';
import { ACCOUNTS_HISTORY_MESSAGES } from '@/lib/i18n/messages/accounts-history';
import { DIAGNOSIS_MESSAGES } from '@/lib/i18n/messages/diagnosis';
import { formatRelative, formatTime } from '@/lib/i18n/time';
import type { FailureCode } from '@/lib/mail-check/types';

/**
 * The entries of a mailbox's history (./account-history.tsx), fetched with their words when
 * the list is about to be opened. A failed check is named by its diagnosis's title: the
 * provider's own where it words it otherwise (from the page), the general one else.
 */
export function HistoryEntries({
  history,
  nowMs,
  locale,
  status,
  failureTitles,
}: {
  history: readonly StatusChangeView[];
  nowMs: number;
  locale: Locale;
  status: AccountsCardMessages['status'];
  failureTitles: Partial<Record<FailureCode, string>> | undefined;
}) {
  const h = ACCOUNTS_HISTORY_MESSAGES[locale];
  const titleOf = (code: FailureCode) => failureTitles?.[code] ?? DIAGNOSIS_MESSAGES[locale].codes[code].title;
  if (history.length === 0) return <p className="mt-2 muted-color">{h.empty}</p>;
  return (
    <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3 dark:border-slate-700">
      {history.map((change, index) => {
        const to = status[change.to];
        const reason = h.reasons[change.reason] ?? h.unknownReason;
        const failure = change.failureCode ? format(h.failure, { title: titleOf(change.failureCode) }) : '';
        return (
          <li key={`${change.at}-${index}`} className="leading-6">
            <time dateTime={change.at} className="muted-color" suppressHydrationWarning>
              {formatTime(change.at, locale, 'dateTime')} · {formatRelative(change.at, nowMs, locale)}
            </time>
            <br />
            <span className="font-medium">{change.from ? format(h.change, { from: status[change.from], to }) : format(h.created, { to })}</span>
            {' — '}
            {reason}
            {failure}
          </li>
        );
      })}
    </ol>
  );
}
