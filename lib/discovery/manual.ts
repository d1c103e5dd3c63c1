import { z } from '@/lib/zod';
import { findHostedMailServiceByMx } from '@/lib/providers/hosted-mail';
import { findProviderOfHost } from '@/lib/providers/provider-hosts';
import type { ServerEndpoint, TlsMode } from '@/lib/providers/types';
import type { Localized } from '@/lib/i18n/locale';
import { parseHost, type HostProblem } from './host';
import { loginNameProblem } from './login-name';
import { MANUAL_FIELD_MESSAGES, type ManualFieldProblem } from './messages';
import type { MxDiscovery } from './mx';

// Manual server settings: the schema shared by the form (zodResolver) and the server action
// (safeParse), and the best guess the form starts from. No server-only imports: the browser
// loads this file. Passing the schema says the text is a well-formed host; whether we may
// connect to it is the address guard's call, on the server, after resolving it.

const TLS_MODES = ['implicit', 'starttls'] as const satisfies readonly TlsMode[];

const HOST_PROBLEMS: Readonly<Record<HostProblem, ManualFieldProblem>> = {
  empty: 'host_empty',
  space: 'host_space',
  has_port: 'host_has_port',
  url: 'host_url',
  too_long: 'host_too_long',
  invalid: 'host_invalid',
};

/** A complaint about a manual server field, as the issue code the form words (lib/i18n/issue-text.ts). */
export type ManualFieldIssue = `manual.${ManualFieldProblem}`;

const issue = (problem: ManualFieldProblem): ManualFieldIssue => `manual.${problem}`;

const hostField = z.string({ error: issue('host_empty') }).transform((text, ctx): string => {
  const parsed = parseHost(text);
  let problem: ManualFieldProblem | undefined;
  if (!parsed.ok) problem = HOST_PROBLEMS[parsed.problem];
  // `127.1`, `2130706433` or `0x7f.1` are IPv4 addresses to a resolver but rarely what a person
  // meant; asking for the dotted form shows them the address they are about to use.
  else if (parsed.kind === 'ipv4' && !parsed.canonical) problem = 'host_ip_form';
  // A zone id names one of our interfaces: meaningless for a mail server.
  else if (parsed.kind === 'ipv6' && parsed.zone) problem = 'host_invalid';
  else if (parsed.kind === 'name' && !parsed.host.includes('.')) problem = 'host_single_label';
  if (problem || !parsed.ok) {
    ctx.addIssue({ code: 'custom', message: issue(problem ?? 'host_invalid') });
    return z.NEVER;
  }
  return parsed.host;
});

const PORT_ERROR = { error: issue('port_invalid') };
const portField = z
  .union([z.number(), z.string().trim().regex(/^\d{1,5}$/).transform(Number)], PORT_ERROR)
  .pipe(z.number(PORT_ERROR).int(PORT_ERROR).min(1, PORT_ERROR).max(65_535, PORT_ERROR));

const tlsField = z.enum(TLS_MODES, { error: issue('tls_invalid') });

/**
 * The login name, when it differs from the address: trimmed, and absent when empty (the check
 * then logs in with the address). Case is kept: some servers' login names are case-sensitive.
 */
const loginNameField = z
  .string({ error: issue('login_invalid') })
  .transform((text, ctx): string | undefined => {
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    const problem = loginNameProblem(trimmed);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: issue(problem) });
      return z.NEVER;
    }
    return trimmed;
  })
  .optional();

/**
 * The ports manual setup dials, per protocol: the ports mail services use, so that the check
 * cannot be aimed at other services on someone's machine. 110 and 995 are mail ports too, but
 * POP3's: the check speaks IMAP and SMTP only, so neither field takes them.
 */
export const MAIL_PORTS = {
  imap: [993, 143],
  smtp: [465, 587, 25, 2525],
} as const satisfies Record<'imap' | 'smtp', readonly number[]>;

/**
 * Names under `.test` (RFC 6761) exist only on test resolvers: no public name server answers for
 * them, so the port rule has nothing to protect there, and the servers our tests run behind
 * them listen on ports the system picks. The address guard still resolves and vets them.
 *
 * This is the browser's rule, which cannot see MAIL_MANUAL_ALLOW_HOSTS: the server's schema
 * exempts only the hosts that list names (`anyPortHosts`), as the check does. So a `.test` name
 * outside the list with an odd port passes the form and is refused by the server action, on its
 * port field, before anything is looked up.
 */
const isTestName = (host: string) => host === 'test' || host.endsWith('.test');

type PortFields = Pick<ManualServerValues, 'imapHost' | 'imapPort' | 'smtpHost' | 'smtpPort'>;

const PORT_PROBLEMS = { imapPort: 'port_not_mail_imap', smtpPort: 'port_not_mail_smtp' } as const;

/**
 * The port fields holding a port that is not a mail port of their protocol (MAIL_PORTS), with
 * what to tell the user; hosts for which `anyPort` is true are let through with any port.
 */
export function nonMailPorts(
  values: PortFields,
  anyPort: (host: string) => boolean = isTestName,
): { field: 'imapPort' | 'smtpPort'; issue: ManualFieldIssue; message: Localized }[] {
  const problems: { field: 'imapPort' | 'smtpPort'; issue: ManualFieldIssue; message: Localized }[] = [];
  const add = (field: 'imapPort' | 'smtpPort') => {
    const problem = PORT_PROBLEMS[field];
    problems.push({ field, issue: issue(problem), message: MANUAL_FIELD_MESSAGES[problem] });
  };
  if (!anyPort(values.imapHost) && !(MAIL_PORTS.imap as readonly number[]).includes(values.imapPort)) add('imapPort');
  if (!anyPort(values.smtpHost) && !(MAIL_PORTS.smtp as readonly number[]).includes(values.smtpPort)) add('smtpPort');
  return problems;
}

export interface ManualServerSchemaOptions {
  /**
   * Hold ports to MAIL_PORTS (default true). The check turns this off and applies `nonMailPorts`
   * itself once the address guard has spoken, so that a host refused outright is refused for
   * that, and the test servers MAIL_MANUAL_ALLOW_HOSTS names may use any port.
   */
  mailPortsOnly?: boolean;
  /**
   * The hosts that may use any port: on the server, those of MAIL_MANUAL_ALLOW_HOSTS (canonical
   * form, as the address guard compares them). Absent in the browser, which cannot know that
   * list: there every name under `.test` may (isTestName).
   */
  anyPortHosts?: readonly string[];
}

const SERVER_FIELDS = z.object({
  imapHost: hostField,
  imapPort: portField,
  imapTls: tlsField,
  smtpHost: hostField,
  smtpPort: portField,
  smtpTls: tlsField,
  /** The name to log in with at both servers when it is not the address (issue 18 item 4). */
  loginName: loginNameField,
});

/**
 * Flat fields, so `z.flattenError(err).fieldErrors` names each one; hosts come out normalised
 * (lower-case ASCII name without trailing dot, dotted-quad IPv4, IPv6 without brackets), the
 * login name trimmed (absent when empty: the address is the login). Ports
 * must be mail ports of their protocol, checked once every field is well-formed. Complaints are
 * issue codes (ManualFieldIssue), so one schema serves every language.
 */
export function createManualServerSchema(options: ManualServerSchemaOptions = {}) {
  if (options.mailPortsOnly === false) return SERVER_FIELDS;
  const listed = options.anyPortHosts;
  const anyPort = listed ? (host: string) => listed.includes(host) : isTestName;
  return SERVER_FIELDS.superRefine((values, ctx) => {
    // A port out of range already has its complaint, and zod still runs this for it.
    const inRange = (port: number) => Number.isInteger(port) && port >= 1 && port <= 65_535;
    for (const { field, issue: portIssue } of nonMailPorts(values, anyPort)) {
      if (inRange(values[field])) ctx.addIssue({ code: 'custom', path: [field], message: portIssue });
    }
  });
}

/** The browser's schema: every name under `.test` may use any port (isTestName). */
export const manualServerSchema = createManualServerSchema();

/** What the form holds before parsing. */
export type ManualServerInput = z.input<typeof SERVER_FIELDS>;
/** Parsed settings. */
export type ManualServerValues = z.output<typeof SERVER_FIELDS>;

/** Parsed settings as the endpoints the connection check takes. */
export function manualEndpoints(values: ManualServerValues): { imap: ServerEndpoint; smtp: ServerEndpoint } {
  return {
    imap: { host: values.imapHost, port: values.imapPort, tls: values.imapTls },
    smtp: { host: values.smtpHost, port: values.smtpPort, tls: values.smtpTls },
  };
}

// Second-level suffixes under which anyone can register (com.cn, co.uk...), so that a host's
// base domain is `example.com.cn` rather than `com.cn`. A short list, not the Public Suffix
// List: it feeds a prefilled guess the user can edit, nothing more.
const SECOND_LEVEL_SUFFIXES: ReadonlySet<string> = new Set([
  'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'edu.cn', 'ac.cn',
  'com.hk', 'net.hk', 'org.hk', 'edu.hk', 'com.tw', 'net.tw', 'org.tw', 'edu.tw', 'com.mo',
  'com.sg', 'com.my', 'co.jp', 'ne.jp', 'or.jp', 'co.kr', 'com.au', 'net.au', 'co.nz',
  'co.uk', 'org.uk', 'ac.uk', 'co.in', 'com.br',
]);

/** The registrable part of a host name (`mx1.mail.example.com.cn` → `example.com.cn`), by a short heuristic. */
export function baseDomain(host: string): string {
  const labels = host.split('.');
  const keep = labels.length >= 3 && SECOND_LEVEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * What a guess rests on. `published`: the domain (or its MX host's domain) publishes these
 * servers itself, in SRV records or an autoconfig file: not a guess at all. `provider`: a
 * company mail service we list. `none`: every usual name for the domain is a provider's server,
 * which manual setup refuses, so nothing is filled in.
 */
export type GuessBasis = 'published' | 'provider' | 'mx_host' | 'mx_base_domain' | 'domain' | 'none';

/**
 * Where the servers come from, for step 1 to say: the domain's SRV records (RFC 6186), an
 * autoconfig file (`publisher`: the domain that published it, the address's own or its MX
 * host's), a company mail service we list (lib/providers/hosted-mail.ts), or our guess.
 */
export type GuessSource = 'srv' | 'autoconfig' | 'hosted_service' | 'guess';

export interface ManualGuess {
  /** Form values to start from; the hosts are empty when the basis is `none`. */
  values: ManualServerValues;
  /** What the guess rests on, so the UI can say how sure it is. */
  basis: GuessBasis;
  /** Other hosts worth offering, most likely first. */
  alternatives: { imap: string[]; smtp: string[] };
  /** Where the servers come from (see GuessSource). */
  source: GuessSource;
  /** For `autoconfig`: the domain that published the file, as the user reads it. */
  publisher?: string;
  /**
   * For `autoconfig`: its `<username>` template (`%EMAILLOCALPART%`, say) when it is not the
   * address itself; fillLoginTemplate makes the login name of an address from it. A template,
   * not a name, so that one cached answer serves every address at the domain, and the form can
   * follow the address as it is corrected. The first IMAP server's (else the first SMTP
   * server's): the form has one login name for both.
   */
  loginTemplate?: string;
}

/**
 * A server a domain publishes (SRV record, autoconfig), as manual setup would accept it, or
 * undefined: a host manual setup refuses (no host, or a known provider's server), or a port that
 * is not a mail port of its protocol (unless `anyPort` says this host may use any, as for the
 * test servers MAIL_MANUAL_ALLOW_HOSTS names). The host comes out in canonical ASCII form.
 */
export function usablePublishedServer(
  protocol: 'imap' | 'smtp',
  server: ServerEndpoint,
  anyPort: (host: string) => boolean = () => false,
): ServerEndpoint | undefined {
  const parsed = parseHost(server.host);
  if (!parsed.ok || parsed.zone || (parsed.kind === 'name' && !parsed.host.includes('.'))) return undefined;
  if (refusedHost(parsed.host)) return undefined;
  if (!Number.isInteger(server.port) || server.port < 1 || server.port > 65_535) return undefined;
  if (!anyPort(parsed.host) && !(MAIL_PORTS[protocol] as readonly number[]).includes(server.port)) return undefined;
  return { host: parsed.host, port: server.port, tls: server.tls };
}

/**
 * Manual setup's starting point from servers the domain publishes (already through
 * usablePublishedServer), most preferred first; the other published hosts are the alternatives.
 */
export function publishedGuess(
  servers: { imap: readonly ServerEndpoint[]; smtp: readonly ServerEndpoint[] },
  source: Extract<GuessSource, 'srv' | 'autoconfig'>,
  extra: Pick<ManualGuess, 'publisher' | 'loginTemplate'> = {},
): ManualGuess | undefined {
  const [imap] = servers.imap;
  const [smtp] = servers.smtp;
  if (!imap || !smtp) return undefined;
  const others = (list: readonly ServerEndpoint[], taken: string) => [...new Set(list.map((s) => s.host))].filter((h) => h !== taken);
  return {
    values: { imapHost: imap.host, imapPort: imap.port, imapTls: imap.tls, smtpHost: smtp.host, smtpPort: smtp.port, smtpTls: smtp.tls },
    basis: 'published',
    alternatives: { imap: others(servers.imap, imap.host), smtp: others(servers.smtp, smtp.host) },
    source,
    ...(extra.publisher !== undefined ? { publisher: extra.publisher } : {}),
    ...(extra.loginTemplate !== undefined ? { loginTemplate: extra.loginTemplate } : {}),
  };
}

// Implicit TLS on the standard ports first, as Thunderbird's guesser tries them.
const IMAP_PORT = 993;
const SMTP_PORT = 465;

/**
 * A host manual setup refuses: a known provider's server (lib/providers/provider-hosts.ts). The
 * guess never offers one, nor fills one in: the check would only send the reader back with a
 * refusal about a server they never typed.
 */
const refusedHost = (host: string) => findProviderOfHost(host) !== undefined;

function hostsGuess(imapHost: string, smtpHost: string, basis: GuessBasis, alternatives: ManualGuess['alternatives']): ManualGuess {
  const without = (hosts: string[], taken: string) => [...new Set(hosts)].filter((h) => h !== taken && !refusedHost(h));
  return {
    values: { imapHost, imapPort: IMAP_PORT, imapTls: 'implicit', smtpHost, smtpPort: SMTP_PORT, smtpTls: 'implicit' },
    basis,
    alternatives: { imap: without(alternatives.imap, imapHost), smtp: without(alternatives.smtp, smtpHost) },
    source: 'guess',
  };
}

/**
 * The best guess for manual setup of an address at `domain` (normalised mail domain), the first
 * of these whose servers manual setup would not refuse:
 * - the servers a company mail service publishes, when the MX hosts are that service's
 *   (Tencent Exmail, Alibaba Mail: lib/providers/hosted-mail.ts);
 * - the most preferred MX host itself when it lies inside `domain` (a self-run server:
 *   `mail.example.com` receives and usually serves IMAP too; it is a name known to exist);
 * - `imap.`/`smtp.` under the MX host's base domain when mail is hosted elsewhere, as Thunderbird
 *   falls back to the MX's base domain (imap.qq.com, a provider's server, is never a company's);
 * - `imap.<domain>` and `smtp.<domain>`;
 * - nothing (basis `none`) when even those are a provider's servers: an address at vip.qq.com,
 *   which no provider entry lists, would otherwise be guessed imap.vip.qq.com, in QQ Mail's zone.
 * Every guess is implicit TLS on 993 and 465; alternatives list the other usual names.
 */
export function guessManualSettings(domain: string, mx?: MxDiscovery): ManualGuess {
  const usual = { imap: [`imap.${domain}`, `mail.${domain}`, domain], smtp: [`smtp.${domain}`, `mail.${domain}`, domain] };
  const service = mx?.code === 'unknown_provider' ? findHostedMailServiceByMx(mx.mxHosts) : undefined;
  if (service && !refusedHost(service.endpoints.imap.host) && !refusedHost(service.endpoints.smtp.host)) {
    const { imap, smtp } = service.endpoints;
    return {
      values: { imapHost: imap.host, imapPort: imap.port, imapTls: imap.tls, smtpHost: smtp.host, smtpPort: smtp.port, smtpTls: smtp.tls },
      basis: 'provider',
      alternatives: { imap: [], smtp: [] },
      source: 'hosted_service',
    };
  }
  const candidates: { imap: string; smtp: string; basis: GuessBasis; alternatives: ManualGuess['alternatives'] }[] = [];
  const topMx = mx && (mx.code === 'unknown_provider' || mx.code === 'provider') ? mx.mxHosts[0] : undefined;
  if (topMx && (topMx === domain || topMx.endsWith(`.${domain}`))) {
    candidates.push({ imap: topMx, smtp: topMx, basis: 'mx_host', alternatives: usual });
  } else if (topMx) {
    const base = baseDomain(topMx);
    if (base !== baseDomain(domain)) {
      const alternatives = { imap: [...usual.imap, `mail.${base}`], smtp: [...usual.smtp, `mail.${base}`] };
      candidates.push({ imap: `imap.${base}`, smtp: `smtp.${base}`, basis: 'mx_base_domain', alternatives });
    }
  }
  candidates.push({ imap: `imap.${domain}`, smtp: `smtp.${domain}`, basis: 'domain', alternatives: usual });
  const usable = candidates.find((c) => !refusedHost(c.imap) && !refusedHost(c.smtp));
  if (usable) return hostsGuess(usable.imap, usable.smtp, usable.basis, usable.alternatives);
  // Empty fields ask for the servers the reader's administrator names; any usual name left is still offered.
  return hostsGuess('', '', 'none', usual);
}
