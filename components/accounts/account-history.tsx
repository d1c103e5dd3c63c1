'use client';

import type { StatusChangeView } from '@/lib/accounts/view';
import { format } from '@/lib/i18n/locale';
import { onDemand, useOnDemand } from '@/lib/wizard/client/on-demand';
import type { AccountsContext } from './types';

// The entries and their words (./history-entries.tsx) are fetched when someone reaches for the
// folded list (a pointer over it, the focus on its summary, opening it), not with the page: the
// summary line is all that shows until it is opened.
const historyEntries = onDemand(() => import('./history-entries'));

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
  const Entries = useOnDemand(historyEntries, false);
  return (
    <details className="mt-4 text-sm" onPointerOver={historyEntries.preload} onFocus={historyEntries.preload} onToggle={historyEntries.preload}>
      <summary className="cursor-pointer rounded py-1 font-medium">{format(context.text.historySummary, { count: history.length })}</summary>
      {Entries && (
        <Entries.HistoryEntries
          history={history}
          nowMs={nowMs}
          locale={context.locale}
          status={context.text.status}
          failureTitles={context.providers[providerId]?.failureTitles}
        />
      )}
    </details>
  );
}
