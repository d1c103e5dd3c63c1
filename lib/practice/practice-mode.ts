import 'server-only';
import { forgetTrustForEndpoint, trustForEndpoint } from '@/lib/mail-check/endpoint-trust';
import { registerRuntimeProvider } from '@/lib/providers/registry';
import type { MailProvider, ServerEndpoint } from '@/lib/providers/types';
import { createPracticeCertificates } from './certificate';
import { startNeteaseStyleImap } from './imap-server';
import { PRACTICE_DOMAIN, practiceMailboxKind, practiceProvider } from './provider';
import { startNeteaseStyleSmtp } from './smtp-server';

// Practice mode: the practice mailbox's IMAP and SMTP servers, run inside the app on loopback,
// and the provider entry that sends checks of practice addresses to them. Started once per
// process at server start (lib/startup.ts). Its state lives on globalThis: Next.js bundles
// instrumentation (which starts it) and the routes (which read it) separately.

export interface PracticeMode {
  domain: string;
  /** The code every practice mailbox accepts. */
  code: string;
  provider: MailProvider;
  endpoints: { imap: ServerEndpoint; smtp: ServerEndpoint };
}

interface Running extends PracticeMode {
  stop(): Promise<void>;
}

const STATE = Symbol.for('mailbox-onboarding.practice-mode');

interface State {
  starting?: Promise<Running>;
  running?: Running;
}

function state(): State {
  const holder = globalThis as { [STATE]?: State };
  return (holder[STATE] ??= {});
}

// A practice connection that sends nothing for this long is closed; checks take seconds.
const IDLE_TIMEOUT_MS = 60_000;

async function start(code: string): Promise<Running> {
  const certificates = await createPracticeCertificates();
  const imap = await startNeteaseStyleImap({
    cert: certificates.cert,
    key: certificates.key,
    idleTimeoutMs: IDLE_TIMEOUT_MS,
    behaviour: {
      acceptsLogin: (user, password) => practiceMailboxKind(user) !== null && password === code,
      idRule: (user) => (practiceMailboxKind(user) === 'unsafe_login' ? 'refuse' : 'after-login'),
      inboxMessages: () => 0,
    },
  });
  const smtp = await startNeteaseStyleSmtp({
    cert: certificates.cert,
    key: certificates.key,
    name: PRACTICE_DOMAIN,
    behaviour: {
      acceptsLogin: (user, password) => practiceMailboxKind(user) !== null && password === code,
      maySend: (user) => practiceMailboxKind(user) !== 'smtp_off',
    },
  }).catch(async (error: unknown) => {
    await imap.stop();
    throw error;
  });

  const endpoints = {
    imap: { host: imap.host, port: imap.port, tls: 'implicit' },
    smtp: { host: smtp.host, port: smtp.port, tls: 'implicit' },
  } satisfies PracticeMode['endpoints'];
  const provider = practiceProvider(endpoints);
  let unregister: (() => void) | undefined;
  const stop = async () => {
    unregister?.();
    for (const endpoint of [endpoints.imap, endpoints.smtp]) forgetTrustForEndpoint(endpoint);
    await Promise.all([imap.stop(), smtp.stop()]);
  };
  try {
    for (const endpoint of [endpoints.imap, endpoints.smtp]) trustForEndpoint(endpoint, certificates.caCert);
    unregister = registerRuntimeProvider(provider);
  } catch (error) {
    await stop();
    throw error;
  }
  return { domain: PRACTICE_DOMAIN, code, provider, endpoints, stop };
}

const publicView = ({ domain, code, provider, endpoints }: Running): PracticeMode => ({ domain, code, provider, endpoints });

/** Starts the practice servers, once per process; later calls get the running instance. */
export async function startPracticeMode(settings: { code: string }): Promise<PracticeMode> {
  const current = state();
  current.starting ??= start(settings.code).then(
    (running) => {
      current.running = running;
      return running;
    },
    (error: unknown) => {
      current.starting = undefined;
      throw error;
    },
  );
  return publicView(await current.starting);
}

/** Practice mode as this process runs it, or undefined when it is off (or still starting). */
export function getPracticeMode(): PracticeMode | undefined {
  const running = state().running;
  return running && publicView(running);
}

/** Stops the servers and withdraws the provider and the trust; for tests and shutdown. */
export async function stopPracticeMode(): Promise<void> {
  const current = state();
  const starting = current.starting;
  current.starting = undefined;
  current.running = undefined;
  const running = await starting?.catch(() => undefined);
  await running?.stop();
}
