import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { env } from '@/lib/env';
import { ACCOUNT_MESSAGES } from '@/lib/i18n/messages/account';
import { getLocale } from '@/lib/i18n/server';
import { formatTime } from '@/lib/i18n/time';
import { outboxForPage } from '@/lib/mail/outbox';
import { clientAddressFrom } from '@/lib/net/client';

export async function generateMetadata(): Promise<Metadata> {
  return { title: ACCOUNT_MESSAGES[await getLocale()].outbox.title };
}

/**
 * The mail the app would have sent, with no MAIL_RELAY_URL set: on the dev server, to a client on
 * this machine only (a 404 anywhere else, lib/mail/outbox.ts), because it shows anyone's reset
 * links to whoever opens it.
 */
export default async function OutboxPage() {
  // headers() first: it makes the page dynamic (never rendered at build time).
  const clientAddress = clientAddressFrom(await headers());
  const appEnv = env();
  const entries = outboxForPage({ nodeEnv: appEnv.NODE_ENV, relaySet: appEnv.MAIL_RELAY_URL !== undefined, clientAddress });
  if (!entries) notFound();
  const locale = await getLocale();
  const text = ACCOUNT_MESSAGES[locale].outbox;
  return (
    <main className="mx-auto max-w-3xl px-4 pt-8 pb-16">
      <h1 className="text-2xl font-semibold">{text.title}</h1>
      <p className="mt-3 body-text">{text.lead}</p>
      {entries.length === 0 ? (
        <p className="mt-6">{text.empty}</p>
      ) : (
        <ol className="mt-6 space-y-6">
          {entries.map((entry) => (
            <li key={entry.id}>
              <article aria-labelledby={`mail-${entry.id}`} className="rounded-lg border border-slate-200 p-4 dark:border-slate-700">
                <h2 id={`mail-${entry.id}`} className="font-semibold break-words">
                  {entry.subject}
                </h2>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt className="muted-color">{text.to}</dt>
                  <dd className="break-all">{entry.to}</dd>
                  <dt className="muted-color">{text.from}</dt>
                  <dd className="break-all">{entry.from}</dd>
                  <dt className="muted-color">{text.at}</dt>
                  <dd>{formatTime(entry.at, locale, 'dateTime')}</dd>
                </dl>
                <pre className="mt-3 overflow-x-auto text-sm leading-6 whitespace-pre-wrap break-words">{entry.text}</pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
