import type { Socket } from 'node:net';

// The IMAP wire as a server reads and writes it: commands pipelined several to a packet or split
// anywhere, literals (`{n}` after a continuation request, `{n+}` without), tokens with quoted
// strings and parenthesised lists, and replies written once per received chunk. Practice mode's
// NetEase-style server (imap-server.ts) and the test peers for the other providers
// (tools/peers/provider-imap.ts) differ only in what they answer.

const MAX_LITERAL = 1024 * 1024;
const MAX_LINE = 64 * 1024;

export type ImapToken = { kind: 'atom'; value: string } | { kind: 'string'; value: string } | { kind: 'list'; items: ImapToken[] };
type Segment = { text: string } | { literal: Buffer };

/** Tokenizes one command whose literals were already read, e.g. `a LOGIN {4+}\r\nuser "p\"w"`. */
function tokenize(segments: Segment[]): ImapToken[] {
  const root: ImapToken[] = [];
  const stack: ImapToken[][] = [root];
  const top = () => stack[stack.length - 1]!;
  for (const segment of segments) {
    if ('literal' in segment) {
      top().push({ kind: 'string', value: segment.literal.toString('utf8') });
      continue;
    }
    const text = segment.text;
    let i = 0;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === ' ') {
        i++;
      } else if (ch === '"') {
        let value = '';
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < text.length) i++;
          value += text[i];
          i++;
        }
        i++;
        top().push({ kind: 'string', value });
      } else if (ch === '(') {
        const list: ImapToken = { kind: 'list', items: [] };
        top().push(list);
        stack.push(list.items);
        i++;
      } else if (ch === ')') {
        if (stack.length > 1) stack.pop();
        i++;
      } else {
        let end = i;
        let brackets = 0;
        // Atoms such as BODY[HEADER.FIELDS (FROM)] carry spaces and parens inside brackets.
        while (end < text.length) {
          const c = text[end]!;
          if (c === '[') brackets++;
          else if (c === ']') brackets--;
          else if (brackets <= 0 && (c === ' ' || c === '(' || c === ')')) break;
          end++;
        }
        top().push({ kind: 'atom', value: text.slice(i, end) });
        i = end;
      }
    }
  }
  return root;
}

/** An atom's or a string's text; null for a list or nothing. */
export const asText = (token: ImapToken | undefined): string | null => (token && token.kind !== 'list' ? token.value : null);

export function quote(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

export function render(tokens: ImapToken[]): string {
  return tokens.map((t) => (t.kind === 'list' ? `(${render(t.items)})` : t.kind === 'atom' ? t.value : quote(t.value))).join(' ');
}

export interface ImapWire {
  /** Queues a reply line; the queue leaves at the end of the chunk being handled. */
  send(line: string): void;
  /** Writes the queue now: for the greeting, and before closing. */
  flush(): void;
}

/**
 * Reads commands off `socket` and hands each to `onCommand`, as tokens and as received (literals
 * inlined and quoted). A line or literal past the limits ends the connection with a BYE.
 */
export function openImapWire(socket: Socket, onCommand: (tokens: ImapToken[], raw: string) => void): ImapWire {
  // Replies leave once per received chunk, not once per line: a write per line would meet Nagle
  // and the client's delayed ACK, adding ~40 ms per command on loopback.
  socket.setNoDelay(true);
  let outbox: string[] = [];
  const send = (line: string) => {
    outbox.push(`${line}\r\n`);
  };
  const flush = () => {
    if (outbox.length && !socket.destroyed && socket.writable) socket.write(outbox.join(''));
    outbox = [];
  };
  const bye = (text: string) => {
    send(`* BYE ${text}`);
    flush();
    socket.destroy();
  };

  let buffer: Buffer = Buffer.alloc(0);
  let segments: Segment[] = [];
  let pendingLiteral: number | null = null;
  const renderRaw = (parts: Segment[]) => parts.map((p) => ('literal' in p ? quote(p.literal.toString('utf8')) : p.text)).join('');

  socket.on('data', (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    while (!socket.destroyed) {
      if (pendingLiteral !== null) {
        if (buffer.length < pendingLiteral) break;
        segments.push({ literal: buffer.subarray(0, pendingLiteral) });
        buffer = buffer.subarray(pendingLiteral);
        pendingLiteral = null;
        continue;
      }
      const newline = buffer.indexOf(0x0a);
      if (newline === -1) {
        if (buffer.length > MAX_LINE) bye('Line too long');
        break;
      }
      const line = buffer.subarray(0, newline).toString('utf8').replace(/\r$/, '');
      buffer = buffer.subarray(newline + 1);
      const literal = /\{(\d+)(\+?)\}$/.exec(line);
      if (literal) {
        const size = Number(literal[1]);
        if (size > MAX_LITERAL) {
          bye('Literal too big');
          return;
        }
        segments.push({ text: line.slice(0, literal.index) });
        pendingLiteral = size;
        if (!literal[2]) send('+ Ready for additional command text');
        continue;
      }
      segments.push({ text: line });
      const command = segments;
      segments = [];
      if (command.length === 1 && (command[0] as { text: string }).text.trim() === '') continue;
      onCommand(tokenize(command), renderRaw(command));
    }
    flush();
  });

  return { send, flush };
}
