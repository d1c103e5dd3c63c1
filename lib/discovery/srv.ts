import 'server-only';
import type { ServerEndpoint, TlsMode } from '@/lib/providers/types';
import type { DnsSession, QueryOutcome, SrvAnswer } from './dns';

// RFC 6186 service records: a domain names its own IMAP and submission servers in DNS, as
// FairEmail and Delta Chat read them. `_imaps._tcp` and `_submissions._tcp` (RFC 8314) are
// implicit TLS; `_imap._tcp` and `_submission._tcp` are taken as STARTTLS, never as plain text.
// A record whose target is "." says the service is not offered there (RFC 2782).

export interface SrvService {
  /** The label put before the domain. */
  label: string;
  protocol: 'imap' | 'smtp';
  tls: TlsMode;
}

export const SRV_SERVICES: readonly SrvService[] = [
  { label: '_imaps._tcp', protocol: 'imap', tls: 'implicit' },
  { label: '_imap._tcp', protocol: 'imap', tls: 'starttls' },
  { label: '_submissions._tcp', protocol: 'smtp', tls: 'implicit' },
  { label: '_submission._tcp', protocol: 'smtp', tls: 'starttls' },
];

export interface SrvServers {
  /** Most preferred first; empty when the domain publishes none (or only "not offered"). */
  imap: ServerEndpoint[];
  smtp: ServerEndpoint[];
  /** True when a question went unanswered (timeout, error): the answer may be incomplete. */
  incomplete: boolean;
}

interface Candidate extends SrvAnswer {
  tls: TlsMode;
}

/**
 * One protocol's records in the order to try them: lower priority first, then higher weight
 * (RFC 2782 picks at random by weight; the heaviest first is that choice made deterministic),
 * then implicit TLS before STARTTLS (RFC 8314 §5.1). "." targets are dropped, as are repeats.
 */
export function orderSrvRecords(candidates: readonly Candidate[]): ServerEndpoint[] {
  const sorted = candidates
    .map((c, index) => ({ ...c, index }))
    .filter((c) => c.name !== '' && c.name !== '.')
    .sort((a, b) => a.priority - b.priority || b.weight - a.weight || Number(a.tls === 'starttls') - Number(b.tls === 'starttls') || a.index - b.index);
  const out: ServerEndpoint[] = [];
  for (const { name, port, tls } of sorted) {
    const host = name.toLowerCase().replace(/\.$/, '');
    if (!out.some((e) => e.host === host && e.port === port && e.tls === tls)) out.push({ host, port, tls });
  }
  return out;
}

/** Asks the four RFC 6186 questions about `domain` (ASCII) in `session`, all at once. Never throws. */
export async function lookupSrv(session: DnsSession, domain: string): Promise<SrvServers> {
  const outcomes: QueryOutcome<SrvAnswer[]>[] = await Promise.all(
    SRV_SERVICES.map(({ label }) =>
      session.query((resolver) => (resolver.resolveSrv ? resolver.resolveSrv(`${label}.${domain}`) : Promise.resolve([]))),
    ),
  );
  const candidates: Record<'imap' | 'smtp', Candidate[]> = { imap: [], smtp: [] };
  let incomplete = false;
  outcomes.forEach((outcome, i) => {
    const service = SRV_SERVICES[i]!;
    if (outcome.status === 'answer') candidates[service.protocol].push(...outcome.value.map((a) => ({ ...a, tls: service.tls })));
    else if (outcome.status !== 'no_data' && outcome.status !== 'no_domain') incomplete = true;
  });
  return { imap: orderSrvRecords(candidates.imap), smtp: orderSrvRecords(candidates.smtp), incomplete };
}
