import type { StatusChangeView } from '@/lib/accounts/view';
import { format } from '@/lib/i18n/locale';
import { formatRelative, formatTime } from '@/lib/i18n/time';
import type { AccountsContext } from './types';

/** The last status changes, newest first, folded away under a summary. */
export function AccountHistory({
  history,
  nowMs,
  context,
  providerId,
}: {
  history: readonly StatusChangeView[];
  providerId: string;
  nowMs: number;
  context: AccountsContext;
}) {
  const { locale, text } = context;
  const h = text.history;
  const failureTitles = context.byProvider[providerId]?.failureTitles ?? context.failureTitles;
  return (
    <details className="mt-4 text-sm">
      <summary className="cursor-pointer rounded py-1 font-medium">{format(h.summary, { count: history.length })}</summary>
      {history.length === 0 ? (
        <p className="mt-2 text-slate-600 dark:text-slate-300">{h.empty}</p>
      ) : (
        <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3 dark:border-slate-700">
          {history.map((change, index) => {
            const to = text.status[change.to];
            const reason = h.reasons[change.reason] ?? h.unknownReason;
            const failure = change.failureCode ? format(h.failure, { title: failureTitles[change.failureCode] }) : '';
            return (
              <li key={`${change.at}-${index}`} className="leading-6">
                <time dateTime={change.at} className="text-slate-600 dark:text-slate-300" suppressHydrationWarning>
                  {formatTime(change.at, locale, 'dateTime')} · {formatRelative(change.at, nowMs, locale)}
                </time>
                <br />
                <span className="font-medium">
                  {change.from ? format(h.change, { from: text.status[change.from], to }) : format(h.created, { to })}
                </span>
                {' — '}
                {reason}
                {failure}
              </li>
            );
          })}
        </ol>
      )}
    </details>
  );
}
