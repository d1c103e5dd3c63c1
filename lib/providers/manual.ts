import { wordsFrom } from '@/lib/i18n/localized';
import { MANUAL_MESSAGES } from '@/lib/i18n/messages/providers/manual';
import { diagnosesFrom, guideFrom } from './catalog';
import type { MailProvider } from './types';

// Any mail service we do not know, set up by hand: the user types the servers (lib/discovery/
// manual.ts) and the check connects only where the address guard allows. Not in PROVIDERS on
// purpose: it names no domains to detect, is no tile in the chooser, and its servers come from
// the user, so none of them may join the endpoint allow-list. `getProvider('manual')` finds it,
// so the check, the diagnosis and /accounts can speak of it. With nothing known about the
// service, there are no known errors and the diagnoses stay general.

// The words are lib/i18n/messages/providers/manual.ts's; this file keeps the facts.
const { text, list } = wordsFrom(MANUAL_MESSAGES);

export const MANUAL_PROVIDER: MailProvider = {
  id: 'manual',
  name: text((m) => m.name),
  domains: [],
  usernameForm: { imap: 'address', smtp: 'address' },
  credential: {
    name: text((m) => m.credential),
    // Often the mailbox password itself, which a person chose: sent exactly as typed.
    kind: 'password',
    // Every service words and shapes it differently: no format, no warnings.
    shownOnce: false,
  },
  settingsPath: text((m) => m.settingsPath),
  requiresIdAfterLogin: false,
  knownErrors: [],
  guide: guideFrom(MANUAL_MESSAGES),
  helpLinks: [],
  notes: list((m) => m.notes),
  // The general texts of these codes speak of NetEase (its one reply for many causes, its
  // 16-letter code, its server names); for a service we know nothing of, plain ones.
  diagnoses: diagnosesFrom(MANUAL_MESSAGES, {
    auth_failed: 'enable-service-and-get-code',
    unreachable: 'configure-in-client',
    // The general text says a TLS failure is not the user's doing; with typed servers it
    // usually is: a name the certificate does not carry, or the encryption of another port.
    tls_failed: 'configure-in-client',
    no_auth_offered: 'configure-in-client',
  }),
  assumptions: list((m) => m.assumptions),
};
