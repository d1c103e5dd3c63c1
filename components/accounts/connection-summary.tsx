import type { ReactNode } from 'react';
import { format, type Locale } from '@/lib/i18n/locale';
import { CONNECTION_MESSAGES } from '@/lib/i18n/messages/connection';
import type { MailDelivery } from '@/lib/mail-check/types';
import type { ServerEndpoint } from '@/lib/providers/types';

// What a passing check says the client will get from this mailbox's servers (issue 18 item 5):
// push (the IMAP server offered IDLE) or polling, the servers and ports in use, and the login
// name where it is not the address. All of it is what the check itself saw: nothing is asked
// again to draw it. Shown by the wizard's result step (components/wizard/checked-connection.tsx)
// and by each card on /accounts. No hooks, so either kind of component can render it.

const DELIVERIES: ReadonlySet<string> = new Set<MailDelivery>(['push', 'polling', 'unknown']);

export function ConnectionSummary({
  locale,
  imap,
  smtp,
  delivery,
  loginName,
  heading: Heading = 'h4',
}: {
  locale: Locale;
  imap: ServerEndpoint;
  smtp: ServerEndpoint;
  /** Absent for a result stored before push was recorded: then nothing is said about it. */
  delivery?: MailDelivery;
  /** The login name when it is not the address. */
  loginName?: string | null;
  /** The heading's level where the summary sits (the card's title is an h2, the result step's an h3). */
  heading?: 'h3' | 'h4';
}) {
  const text = CONNECTION_MESSAGES[locale];
  const server = (endpoint: ServerEndpoint) => format(text.server, { host: endpoint.host, port: endpoint.port, tls: text.tls[endpoint.tls] });
  const rows: { key: string; label: string; value: ReactNode }[] = [];
  // A result kept in the tab is read back as it was stored: only a known value is worded.
  if (delivery && DELIVERIES.has(delivery)) {
    rows.push({
      key: 'delivery',
      label: text.deliveryLabel,
      value: (
        <>
          <span className="font-medium" data-delivery={delivery}>
            {text.delivery[delivery]}
          </span>
          <span className="mt-0.5 block muted-color">{text.deliveryNote[delivery]}</span>
        </>
      ),
    });
  }
  rows.push({ key: 'imap', label: text.imapLabel, value: <span className="break-all">{server(imap)}</span> });
  rows.push({ key: 'smtp', label: text.smtpLabel, value: <span className="break-all">{server(smtp)}</span> });
  if (loginName) rows.push({ key: 'login', label: text.loginLabel, value: <span className="font-mono break-all">{loginName}</span> });

  return (
    // Not a landmark: /accounts has one per mailbox, all with the same heading.
    <div data-connection-summary className="mt-4 rounded-lg border border-slate-200 p-3 text-sm leading-6 dark:border-slate-700">
      <Heading className="font-semibold">{text.title}</Heading>
      <dl className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-[max-content_1fr]">
        {rows.map((row) => (
          <div key={row.key} className="contents">
            <dt className="muted-color">{row.label}</dt>
            <dd className="min-w-0">{row.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
