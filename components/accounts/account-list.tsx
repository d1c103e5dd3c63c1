'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import type { AccountView } from '@/lib/accounts/view';
import type { AccountsListMessages } from '@/lib/i18n/messages/accounts';
import { AccountCard, titleId } from './account-card';
import type { AccountActions, AccountsContext } from './types';

const EMPTY_TITLE_ID = 'accounts-empty-title';

/** The user's mailboxes. Owns the list so that a deleted card can hand focus to a neighbour. */
export function AccountList({
  initialAccounts,
  serverNow,
  actions,
  text,
  context,
}: {
  initialAccounts: AccountView[];
  /** When the server rendered the page; relative times start from it so both renders agree. */
  serverNow: string;
  actions: AccountActions;
  text: AccountsListMessages;
  context: AccountsContext;
}) {
  const [accounts, setAccounts] = useState(initialAccounts);
  // A fresh render from the server (after a refresh) replaces what the list holds.
  const [fromServer, setFromServer] = useState(initialAccounts);
  if (fromServer !== initialAccounts) {
    setFromServer(initialAccounts);
    setAccounts(initialAccounts);
  }
  const [nowMs, setNowMs] = useState(() => Date.parse(serverNow));
  const [announcement, setAnnouncement] = useState('');
  const pendingFocus = useRef<string | null>(null);

  useEffect(() => {
    const tick = () => setNowMs(Date.now());
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, 30_000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, []);

  useEffect(() => {
    if (!pendingFocus.current) return;
    document.getElementById(pendingFocus.current)?.focus();
    pendingFocus.current = null;
  }, [accounts]);

  const replace = (updated: AccountView) => {
    setNowMs(Date.now());
    setAccounts((current) => current.map((account) => (account.id === updated.id ? updated : account)));
  };

  const remove = (gone: AccountView, announcement: string) => {
    const index = accounts.findIndex((account) => account.id === gone.id);
    if (index === -1) return;
    const rest = accounts.filter((account) => account.id !== gone.id);
    // Focus goes to the mailbox that took its place, or the one before it, or the empty state.
    const neighbour = rest[index] ?? rest[index - 1];
    pendingFocus.current = neighbour ? titleId(neighbour.id) : EMPTY_TITLE_ID;
    setAnnouncement(announcement);
    setAccounts(rest);
  };

  return (
    <>
      <div role="status" className="text-sm">
        {announcement && (
          <p className="mt-6 rounded-lg border border-slate-300 bg-slate-50 p-3 leading-6 dark:border-slate-600 dark:bg-slate-900">
            {announcement}
          </p>
        )}
      </div>
      {accounts.length === 0 ? (
        <section aria-labelledby={EMPTY_TITLE_ID} className="mt-8 rounded-xl border border-dashed border-slate-300 p-6 text-center dark:border-slate-600">
          <h2 id={EMPTY_TITLE_ID} tabIndex={-1} className="text-lg font-semibold">
            {text.empty.title}
          </h2>
          <p className="mt-2 body-text">{text.empty.body}</p>
          <Link href="/" className="btn-primary mt-5">
            {text.empty.cta}
          </Link>
        </section>
      ) : (
        <ul aria-label={text.label} className="mt-8 space-y-5">
          {accounts.map((account) => (
            <li key={account.id}>
              <AccountCard
                account={account}
                nowMs={nowMs}
                actions={actions}
                context={context}
                onChange={replace}
                onGone={remove}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
