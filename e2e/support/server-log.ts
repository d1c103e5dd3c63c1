// The app server's log as tests read it: JSON lines (lib/log/logger.mjs), one object each, among
// whatever else the process printed (Next's own lines). Searches for a secret still read the raw
// text (see expectLogFreeOf in connect.spec.ts): a line that is not JSON must not hide one.

export interface ServerLogLine {
  level: string;
  time: string;
  instance: string;
  msg: string;
  component?: string;
  reqId?: string;
  [field: string]: unknown;
}

/** The JSON lines of `text`, in order; lines that are not a log object are skipped. */
export function serverLogLines(text: string): ServerLogLine[] {
  const lines: ServerLogLine[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const parsed = JSON.parse(line) as Partial<ServerLogLine>;
      if (typeof parsed.msg === 'string' && typeof parsed.level === 'string') lines.push(parsed as ServerLogLine);
    } catch {
      // A line cut by the end of a chunk, or someone else's braces.
    }
  }
  return lines;
}

/** Whether the server said it listens: the line scripts/serve.mjs writes once it does. */
export function saysListening(text: string): boolean {
  return serverLogLines(text).some((line) => line.component === 'serve' && line.msg.startsWith('production server on '));
}

/** The messages of `component`'s lines. */
export function messagesOf(text: string, component: string): string[] {
  return serverLogLines(text)
    .filter((line) => line.component === component)
    .map((line) => line.msg);
}

/**
 * `secret` as it may stand in the log: as typed, and as JSON writes it inside a string (letters
 * and digits are the same; a quote, a backslash or a control character is escaped).
 */
export function logForms(secret: string): string[] {
  const escaped = JSON.stringify(secret).slice(1, -1);
  return escaped === secret ? [secret] : [secret, escaped];
}
