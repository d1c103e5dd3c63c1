import { addressListHas, normaliseAddress, parseAddressList } from '@/lib/net/client-address.mjs';

// Mail that went nowhere: with no MAIL_RELAY_URL (the embedded default) every message the app
// would send is written to the log, and on the dev server (`npm run dev`, NODE_ENV=development)
// also kept here, in this process's memory, for /dev/outbox. That page shows anyone's reset
// links, so it is served only by the dev server, only with no relay set, and only to a client on
// this machine (the address the server observed, lib/net/client.ts: never a header a client
// wrote). Anywhere else (a build under `next start`, tests, production) nothing is kept in memory
// and the page is a 404: the log is the one place such a message can be read.

export interface OutboxEntry {
  id: number;
  /** ISO time it was "sent". */
  at: string;
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** Enough for someone trying the reset flow by hand; the oldest go first. */
const KEPT = 50;

// On globalThis: Next's dev server evaluates a module again after an edit, and the page must
// still see what the sender kept.
const OUTBOX_KEY = Symbol.for('mailbox-onboarding.mail.outbox');
type OutboxHolder = { [OUTBOX_KEY]?: { next: number; entries: OutboxEntry[] } };

function outbox() {
  const holder = globalThis as OutboxHolder;
  holder[OUTBOX_KEY] ??= { next: 1, entries: [] };
  return holder[OUTBOX_KEY];
}

export function keepInOutbox(mail: Omit<OutboxEntry, 'id' | 'at'>, at = new Date()): OutboxEntry {
  const box = outbox();
  const entry = { id: box.next++, at: at.toISOString(), ...mail };
  box.entries.push(entry);
  if (box.entries.length > KEPT) box.entries.splice(0, box.entries.length - KEPT);
  return entry;
}

/** Newest first. */
export function outboxEntries(): OutboxEntry[] {
  return [...outbox().entries].reverse();
}

/** Whether mail that went nowhere is kept in memory for /dev/outbox: on the dev server only. */
export function outboxKept(nodeEnv: string | undefined): boolean {
  return nodeEnv === 'development';
}

const LOOPBACK = parseAddressList('127.0.0.0/8, ::1');

export interface OutboxRequest {
  nodeEnv: string | undefined;
  /** Whether MAIL_RELAY_URL is set: then mail leaves for real, and nothing is kept. */
  relaySet: boolean;
  /** The client's address as the server observed it (clientAddressFrom); `unknown` otherwise. */
  clientAddress: string;
}

/** Whether /dev/outbox is served to this request: the dev server, no relay, a client on this machine. */
export function outboxServed({ nodeEnv, relaySet, clientAddress }: OutboxRequest): boolean {
  return outboxKept(nodeEnv) && !relaySet && addressListHas(LOOPBACK, normaliseAddress(clientAddress));
}

/** What /dev/outbox shows, or null where the page must answer 404. */
export function outboxForPage(request: OutboxRequest): OutboxEntry[] | null {
  return outboxServed(request) ? outboxEntries() : null;
}
