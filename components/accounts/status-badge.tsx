import type { AccountStatus } from '@/lib/accounts/view';
import type { AccountsCardMessages } from '@/lib/i18n/messages/accounts';

export type ShownStatus = AccountStatus | 'checking';

const LOOKS: Record<ShownStatus, { badge: string; dot: string }> = {
  ok: {
    badge: 'bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-50',
    dot: 'bg-green-600 dark:bg-green-400',
  },
  paused: {
    badge: 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-50',
    dot: 'bg-slate-500 dark:bg-slate-300',
  },
  failed: {
    badge: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-50',
    dot: 'bg-red-600 dark:bg-red-400',
  },
  checking: {
    badge: 'bg-blue-100 text-blue-900 dark:bg-blue-900 dark:text-blue-50',
    dot: 'bg-blue-600 motion-safe:animate-pulse dark:bg-blue-300',
  },
};

const ORDER: readonly ShownStatus[] = ['ok', 'paused', 'failed', 'checking'];

/**
 * The account's status as a coloured label. Every label sits in the same grid cell, the unused
 * ones invisible, so the badge is as wide as the longest and nothing moves when it changes.
 */
export function AccountStatusBadge({ status, text }: { status: ShownStatus; text: Pick<AccountsCardMessages, 'status' | 'statusLabel'> }) {
  const look = LOOKS[status];
  return (
    <span className={`inline-flex shrink-0 items-center gap-1.5 rounded-full px-2.5 py-0.5 text-sm font-semibold ${look.badge}`}>
      <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${look.dot}`} />
      <span className="sr-only">{text.statusLabel}</span>
      <span className="inline-grid">
        {ORDER.map((candidate) => (
          <span
            key={candidate}
            aria-hidden={candidate === status ? undefined : true}
            data-status={candidate === status ? candidate : undefined}
            className={`[grid-area:1/1] ${candidate === status ? '' : 'invisible'}`}
          >
            {text.status[candidate]}
          </span>
        ))}
      </span>
    </span>
  );
}
