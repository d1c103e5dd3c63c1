// Mail that went nowhere: with no MAIL_RELAY_URL (the embedded default) every message the app
// would send is written to the log and kept here, in this process's memory, for /dev/outbox.
// That page is served outside production only: in production the log is the one place such a
// message can be read, by whoever runs the server.

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

/** /dev/outbox exists only outside production: there it would show anyone other people's reset links. */
export function outboxServed(nodeEnv: string | undefined): boolean {
  return nodeEnv !== 'production';
}

/** What /dev/outbox shows, or null where the page must answer 404. */
export function outboxForPage(nodeEnv: string | undefined): OutboxEntry[] | null {
  return outboxServed(nodeEnv) ? outboxEntries() : null;
}
