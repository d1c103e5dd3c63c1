import dns2 from 'dns2';
import { LOOPBACK } from './server-lifecycle';

// An authoritative-only DNS server on loopback (UDP, random port) serving a fixed zone, so
// discovery and the address guard are tested against a real resolver talking to a real server,
// and never against the internet. Point node:dns at it with `resolver.setServers([server.address])`.

export interface MxRecordData {
  exchange: string;
  priority: number;
}

/** An SRV record (RFC 2782); `target: '.'` says the service is not offered. */
export interface SrvRecordData {
  target: string;
  port: number;
  priority?: number;
  weight?: number;
}

export interface DnsName {
  a?: readonly string[];
  aaaa?: readonly string[];
  mx?: readonly MxRecordData[];
  /** Service records, for names such as `_imaps._tcp.example.test` (RFC 6186). */
  srv?: readonly SrvRecordData[];
  /** Answers only after this many milliseconds: a slow name server. */
  delayMs?: number;
  /**
   * Answers every question with this alias, followed by the target's own records of the asked
   * type; a target that is an alias too is followed, as a server holding the whole chain does.
   * A CNAME question gets this name's own record only.
   */
  cname?: string;
  /** Answers every question with this error instead of records. */
  rcode?: 'SERVFAIL' | 'REFUSED';
  /** Never answers: a server that drops the question. */
  silent?: boolean;
}

/** Names (lower-case, no trailing dot) and what they hold; any other name is NXDOMAIN. */
export type DnsZone = Readonly<Record<string, DnsName>>;

export interface DnsPeer {
  host: typeof LOOPBACK;
  port: number;
  /** `127.0.0.1:<port>`, the form `Resolver.setServers` takes. */
  address: string;
  /** Questions received so far, as `TYPE name`. */
  queries: readonly string[];
  stop(): Promise<void>;
}

const { Packet } = dns2;
const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;
const TTL = 60;

// @types/dns2 leaves out the header, the question's type and the MX/CNAME record fields that
// the library reads when it encodes an answer; these are the fields used here.
interface Question {
  name: string;
  type: number;
  class: number;
}
interface Response {
  header: { rcode: number; aa: number };
  answers: Array<Record<string, unknown>>;
}

function typeName(type: number): string {
  return Object.entries(Packet.TYPE).find(([, value]) => value === type)?.[0] ?? String(type);
}

// dns2 encodes IPv6 group by group and garbles a dotted IPv4 tail (`::ffff:127.0.0.1`); the URL
// parser rewrites it in hex groups first.
function hexIpv6(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

function recordsOf(name: string, entry: DnsName, type: number): Array<Record<string, unknown>> {
  const base = { name, class: Packet.CLASS.IN, ttl: TTL };
  switch (type) {
    case Packet.TYPE.A:
      return (entry.a ?? []).map((address) => ({ ...base, type, address }));
    case Packet.TYPE.AAAA:
      return (entry.aaaa ?? []).map((address) => ({ ...base, type, address: hexIpv6(address) }));
    case Packet.TYPE.MX:
      return (entry.mx ?? []).map(({ exchange, priority }) => ({ ...base, type, exchange, priority }));
    case Packet.TYPE.SRV:
      // The root name "." is written as an empty name (a single zero byte on the wire).
      return (entry.srv ?? []).map(({ target, port, priority = 0, weight = 0 }) => ({
        ...base,
        type,
        target: target === '.' ? '' : target,
        port,
        priority,
        weight,
      }));
    default:
      return [];
  }
}

export async function startDnsServer(zone: DnsZone): Promise<DnsPeer> {
  const names = new Map(Object.entries(zone).map(([name, entry]) => [name.toLowerCase(), entry]));
  const queries: string[] = [];

  const server = dns2.createUDPServer((request, send) => {
    // The library's send returns a promise despite its typings; a reply that cannot go out
    // (the server is stopping) is dropped, as a lost UDP packet would be.
    const reply = (response: Response) => void Promise.resolve(send(response as never)).catch(() => {});
    const question = request.questions[0] as Question | undefined;
    const response = Packet.createResponseFromRequest(request) as unknown as Response;
    response.header.aa = 1;
    if (!question) {
      response.header.rcode = RCODE.REFUSED;
      reply(response);
      return;
    }
    const name = question.name.toLowerCase().replace(/\.$/, '');
    queries.push(`${typeName(question.type)} ${name}`);
    const entry = names.get(name);
    if (entry?.silent) return;
    const answer = () => {
      if (!entry) {
        response.header.rcode = RCODE.NXDOMAIN;
      } else if (entry.rcode) {
        response.header.rcode = RCODE[entry.rcode];
      } else if (entry.cname) {
        let alias: string | undefined = name;
        let current: DnsName | undefined = entry;
        // A few hops at most: a loop in a test zone must not hang the peer.
        for (let hop = 0; alias && current?.cname && hop < 8; hop += 1) {
          response.answers.push({ name: alias, type: Packet.TYPE.CNAME, class: Packet.CLASS.IN, ttl: TTL, domain: current.cname });
          if (question.type === Packet.TYPE.CNAME) break;
          alias = current.cname;
          current = names.get(alias);
        }
        if (alias && current && !current.cname && question.type !== Packet.TYPE.CNAME) response.answers.push(...recordsOf(alias, current, question.type));
      } else {
        // A name with no records of the asked type: NOERROR with an empty answer (NODATA).
        response.answers.push(...recordsOf(name, entry, question.type));
      }
      reply(response);
    };
    if (entry?.delayMs) setTimeout(answer, entry.delayMs).unref();
    else answer();
  });
  // A malformed packet is the sender's problem; the peer keeps serving.
  server.on('requestError', () => {});

  await server.listen(0, LOOPBACK);
  const { port } = server.address();
  return {
    host: LOOPBACK,
    port,
    address: `${LOOPBACK}:${port}`,
    queries,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
