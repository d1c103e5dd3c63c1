import 'server-only';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ServerEndpoint, TlsMode } from '@/lib/providers/types';
import { fetchGuarded, type FetchRefusal, type GuardedFetchOptions } from './guarded-fetch';

// A domain's own mail settings in Thunderbird's autoconfig format (config-v1.1.xml), fetched
// from the two places Thunderbird looks: autoconfig.<domain>/mail/config-v1.1.xml and
// <domain>/.well-known/autoconfig/mail/config-v1.1.xml. Over HTTPS only, through the address
// guard (guarded-fetch.ts); the user's address is not sent. Parsed by fast-xml-parser with
// entities off, and a document with a DOCTYPE (where entity and external-reference tricks
// live) is refused before the parser sees it. Only IMAP and SMTP servers reached over TLS
// (socketType SSL or STARTTLS) with password authentication are kept.

/** The two URLs of `domain`'s autoconfig file, Thunderbird's order (ASCII domain). */
export function autoconfigUrls(domain: string, port?: number): string[] {
  const authority = (host: string) => (port === undefined || port === 443 ? host : `${host}:${port}`);
  return [
    `https://${authority(`autoconfig.${domain}`)}/mail/config-v1.1.xml`,
    `https://${authority(domain)}/.well-known/autoconfig/mail/config-v1.1.xml`,
  ];
}

/** A server from the file, before manual setup's own rules (lib/discovery/manual.ts usablePublishedServer). */
export interface AutoconfigServer extends ServerEndpoint {
  /** The `<username>` template as written (`%EMAILADDRESS%`, `%EMAILLOCALPART%`), if any. */
  username?: string;
}

export interface AutoconfigServers {
  /** In the file's order, which is its order of preference. */
  imap: AutoconfigServer[];
  smtp: AutoconfigServer[];
}

export type AutoconfigProblem = 'doctype' | 'malformed' | 'not_autoconfig' | 'no_usable_servers';

export type ParsedAutoconfig = { ok: true; servers: AutoconfigServers } | { ok: false; problem: AutoconfigProblem };

const SOCKET_TYPES: Readonly<Record<string, TlsMode>> = { SSL: 'implicit', STARTTLS: 'starttls' };
// Password logins only: OAuth2, Kerberos, NTLM, client certificates and "none" are not what
// the check (or the client after it) can do with an authorization code or password.
const PASSWORD_AUTH: ReadonlySet<string> = new Set(['password-cleartext', 'password-encrypted']);
// A DOCTYPE (internal subset, entities, external DTDs) or a stray ENTITY declaration: refused outright.
const DOCTYPE_OR_ENTITY = /<!\s*(DOCTYPE|ENTITY)/i;
const ALWAYS_ARRAYS: ReadonlySet<string> = new Set(['emailProvider', 'incomingServer', 'outgoingServer', 'authentication']);

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 20,
  isArray: (name) => ALWAYS_ARRAYS.has(name),
});

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
const nodes = (value: unknown): Node[] => (Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : []);

/** Fills the hostname placeholders Thunderbird defines with the address's (ASCII) domain; undefined when another remains. */
function hostname(template: string, domain: string): string | undefined {
  const host = template.replaceAll('%EMAILDOMAIN%', domain);
  return host.includes('%') ? undefined : host;
}

function serverOf(node: Node, domain: string): AutoconfigServer | undefined {
  const host = text(node.hostname);
  const port = Number(text(node.port));
  const tls = SOCKET_TYPES[text(node.socketType) ?? ''];
  // Several <authentication> elements are several ways in; one password way is enough.
  const methods = (Array.isArray(node.authentication) ? node.authentication : []).map(text);
  if (!host || !tls || !Number.isInteger(port)) return undefined;
  if (!methods.some((m) => m !== undefined && PASSWORD_AUTH.has(m))) return undefined;
  const name = hostname(host, domain);
  if (!name) return undefined;
  const username = text(node.username);
  return { host: name, port, tls, ...(username ? { username } : {}) };
}

/**
 * Reads a config-v1.1.xml for an address at `domain` (ASCII): its IMAP and SMTP servers reached
 * over TLS with password authentication, in the file's order. Never throws.
 */
export function parseAutoconfig(xml: string, domain: string): ParsedAutoconfig {
  if (DOCTYPE_OR_ENTITY.test(xml)) return { ok: false, problem: 'doctype' };
  if (XMLValidator.validate(xml) !== true) return { ok: false, problem: 'malformed' };
  let document: unknown;
  try {
    document = parser.parse(xml);
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  const root = isNode(document) ? document.clientConfig : undefined;
  const [provider] = isNode(root) ? nodes(root.emailProvider) : [];
  if (!provider) return { ok: false, problem: 'not_autoconfig' };
  const pick = (list: unknown, type: string) =>
    nodes(list)
      .filter((n) => n['@_type'] === type)
      .map((n) => serverOf(n, domain))
      .filter((s) => s !== undefined);
  const servers = { imap: pick(provider.incomingServer, 'imap'), smtp: pick(provider.outgoingServer, 'smtp') };
  if (servers.imap.length === 0 && servers.smtp.length === 0) return { ok: false, problem: 'no_usable_servers' };
  return { ok: true, servers };
}

export type AutoconfigOutcome =
  | { ok: true; servers: AutoconfigServers; url: string }
  | { ok: false; code: FetchRefusal | AutoconfigProblem; detail?: string; url: string };

/** Fetches and reads one autoconfig URL for an address at `domain`. Never throws. */
export async function fetchAutoconfig(url: string, domain: string, options: GuardedFetchOptions = {}): Promise<AutoconfigOutcome> {
  const fetched = await fetchGuarded(url, options);
  if (!fetched.ok) return fetched;
  const parsed = parseAutoconfig(fetched.body, domain);
  if (!parsed.ok) return { ok: false, code: parsed.problem, url: fetched.url };
  return { ok: true, servers: parsed.servers, url: fetched.url };
}
