import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, installProcessLogger, processLogger } from '@/lib/log/logger.mjs';
import { messageHeader, messageText, startRelayPeer, type RelayPeer } from '@/tools/peers/relay-smtp';
import { outboxEntries, outboxForPage, outboxServed } from './outbox';
import { logSender, mailSenderFrom, relaySender, sendInBackground, withoutRelaySecret, type MailRelayError } from './relay';
import { describeRelay, parseRelayUrl, type RelaySettings } from './relay-url';

// The app's outgoing mail against a real SMTP relay on loopback (smtp-server with the test CA's
// certificate, trusted through NODE_EXTRA_CA_CERTS as a public CA would be), over implicit TLS
// and over STARTTLS, and what is said when it fails: never the relay's password.

const USER = 'relay-user@example.com';
// Characters a URL must encode, so the password travels encoded in MAIL_RELAY_URL.
const PASS = 'S3cret:pa@ss/word%';
const MAIL = { to: 'li@example.com', subject: '重设密码 / Reset your password', text: '打开链接：http://localhost:3000/reset-password?token=abcDEF123\n\nOpen the link.' };

let peer: RelayPeer | undefined;
afterEach(async () => {
  await peer?.stop();
  peer = undefined;
});

function relayOf(url: string): RelaySettings {
  const parsed = parseRelayUrl(url);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.relay;
}

/** Runs `work` with the process logger writing JSON lines into a string, and returns them. */
async function capturingLog(work: () => Promise<unknown>): Promise<string> {
  const previous = processLogger();
  const sink = new PassThrough();
  let written = '';
  sink.on('data', (chunk: Buffer) => (written += chunk.toString()));
  installProcessLogger(createLogger({ destination: sink, pretty: false, level: 'info' }));
  try {
    await work();
  } finally {
    installProcessLogger(previous);
  }
  return written;
}

describe('parseRelayUrl', () => {
  it('reads smtps:// and smtp:// with their default ports and the credentials URL-decoded', () => {
    expect(parseRelayUrl(`smtps://${encodeURIComponent(USER)}:${encodeURIComponent(PASS)}@mail.example.com`)).toEqual({
      ok: true,
      relay: { tls: 'implicit', host: 'mail.example.com', port: 465, auth: { user: USER, pass: PASS } },
    });
    expect(parseRelayUrl('smtp://u:p@[::1]:2525')).toEqual({ ok: true, relay: { tls: 'starttls', host: '::1', port: 2525, auth: { user: 'u', pass: 'p' } } });
    expect(parseRelayUrl('smtp://relay.internal')).toEqual({ ok: true, relay: { tls: 'starttls', host: 'relay.internal', port: 587 } });
  });

  it.each([
    ['http://u:hunter22@mail.example.com', /smtps:\/\//],
    ['smtps://u:hunter22@mail.example.com/inbox', /no path/],
    ['smtps://u:hunter22@mail.example.com:99999', /not a URL/],
    ['mail.example.com:465', /smtps:\/\//],
    ['smtps://:hunter22@mail.example.com', /without a user/],
  ])('refuses %s without quoting it', (url, problem) => {
    const parsed = parseRelayUrl(url);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem).toMatch(problem);
    expect(parsed.problem).not.toContain('hunter22');
  });

  it('describes a relay without its password', () => {
    expect(describeRelay(relayOf(`smtps://${encodeURIComponent(USER)}:${encodeURIComponent(PASS)}@mail.example.com`))).toBe(
      'smtps://relay-user%40example.com@mail.example.com:465',
    );
  });
});

describe('the relay sender', () => {
  it('delivers over implicit TLS after logging in: the relay holds the message as sent', async () => {
    peer = await startRelayPeer({ user: USER, pass: PASS });
    const sender = relaySender(relayOf(peer.url()), { from: 'no-reply@app.test' });
    await sender.send(MAIL);
    expect(peer.logins).toEqual([{ user: USER, accepted: true }]);
    expect(peer.messages).toHaveLength(1);
    const [message] = peer.messages;
    expect(message).toMatchObject({ from: 'no-reply@app.test', to: [MAIL.to], secure: true, user: USER });
    expect(messageHeader(message!.raw, 'subject')).toBe(MAIL.subject);
    expect(messageText(message!.raw)).toContain('http://localhost:3000/reset-password?token=abcDEF123');
  });

  it('delivers over smtp:// only after STARTTLS', async () => {
    peer = await startRelayPeer({ user: USER, pass: PASS, tls: 'starttls' });
    await relaySender(relayOf(peer.url()), { from: 'no-reply@app.test' }).send(MAIL);
    expect(peer.messages.map((m) => m.secure)).toEqual([true]);
  });

  it('refuses to log in to an smtp:// relay that offers no STARTTLS: the password never crosses in clear', async () => {
    peer = await startRelayPeer({ user: USER, pass: PASS, tls: 'starttls', noStartTls: true });
    const failure = (await relaySender(relayOf(peer.url()), { from: 'no-reply@app.test' }).send(MAIL).catch((e: unknown) => e)) as MailRelayError;
    expect(failure.name).toBe('MailRelayError');
    expect(failure.failure).toBe('tls');
    expect(peer.logins).toEqual([]);
    expect(peer.messages).toEqual([]);
  });

  it('says clearly that a wrong relay password was refused, without the password in any form', async () => {
    peer = await startRelayPeer({ user: USER, pass: PASS });
    const wrong = 'Wr0ng:pa@ss';
    const relay = relayOf(peer.url({ user: USER, pass: wrong }));
    const failure = (await relaySender(relay, { from: 'no-reply@app.test' }).send(MAIL).catch((e: unknown) => e)) as MailRelayError;
    expect(failure.failure).toBe('auth');
    expect(failure.message).toMatch(/^the mail relay smtps:\/\/relay-user%40example\.com@localhost:\d+ refused the login \(check the user and password in MAIL_RELAY_URL\) \[EAUTH\]: 535 /);
    for (const form of [wrong, encodeURIComponent(wrong), Buffer.from(wrong).toString('base64'), Buffer.from(`\u0000${USER}\u0000${wrong}`).toString('base64')]) {
      expect(failure.message).not.toContain(form);
      expect(failure.stack ?? '').not.toContain(form);
    }
    expect(peer.logins).toEqual([{ user: USER, accepted: false }]);
    expect(peer.messages).toEqual([]);

    // In the background (as the reset mail goes), the log says the same, password-free.
    const log = await capturingLog(() => sendInBackground(relaySender(relay, { from: 'no-reply@app.test' }), MAIL, 'password_reset'));
    expect(log).toMatch(/refused the login/);
    expect(log).toContain('"outcome":"auth"');
    expect(log).not.toContain(wrong);
    expect(log).not.toContain(encodeURIComponent(wrong));
    // Nothing of the message is logged when a relay is set.
    expect(log).not.toContain('token=abcDEF123');
  });

  it('says which relay could not be reached', async () => {
    peer = await startRelayPeer({ user: USER, pass: PASS });
    const port = peer.port;
    await peer.stop();
    peer = undefined;
    const failure = (await relaySender(relayOf(`smtps://u:${encodeURIComponent(PASS)}@localhost:${port}`), { from: 'a@b.test', timeoutMs: 3000 })
      .send(MAIL)
      .catch((e: unknown) => e)) as MailRelayError;
    expect(failure.failure).toBe('unreachable');
    expect(failure.message).toContain(`smtps://u@localhost:${port} could not be reached`);
    expect(failure.message).not.toContain(PASS);
  });

  it('cleans the password out of any text, in each form it travels in', () => {
    const relay = relayOf(`smtps://${encodeURIComponent(USER)}:${encodeURIComponent(PASS)}@h`);
    const plain = Buffer.from(`\u0000${USER}\u0000${PASS}`).toString('base64');
    expect(withoutRelaySecret(`a ${PASS} b ${encodeURIComponent(PASS)} c ${plain} d`, relay)).toBe('a [redacted] b [redacted] c [redacted] d');
    // Also base64 on its own (AUTH LOGIN), AUTH PLAIN with an authorization identity, and the
    // password in another case (a server that upper-cases what it echoes).
    const b64 = (text: string) => Buffer.from(text).toString('base64');
    const more = `${b64(PASS)} ${b64(`${USER}\u0000${USER}\u0000${PASS}`)} ${PASS.toUpperCase()}`;
    expect(withoutRelaySecret(more, relay)).toBe('[redacted] [redacted] [redacted]');
  });
});

describe('no relay: the log and /dev/outbox', () => {
  const FROM = 'no-reply@localhost';
  const mailTo = (to: string) => ({ ...MAIL, to });
  const kept = (to: string) => outboxEntries().filter((entry) => entry.to === to);

  it('on the dev server, writes the message to the log and keeps it for /dev/outbox', async () => {
    const sender = mailSenderFrom({ NODE_ENV: 'development', MAIL_FROM: FROM, MAIL_RELAY_URL: undefined });
    const log = await capturingLog(() => sender.send(mailTo('dev@example.com')));
    expect(log).toContain('no MAIL_RELAY_URL is set');
    expect(log).toContain('token=abcDEF123');
    expect(kept('dev@example.com')).toEqual([expect.objectContaining({ from: FROM, ...mailTo('dev@example.com') })]);
  });

  it('in production and in tests, writes the message to the log and keeps nothing in memory', async () => {
    for (const NODE_ENV of ['production', 'test'] as const) {
      const to = `${NODE_ENV}@example.com`;
      const log = await capturingLog(() => mailSenderFrom({ NODE_ENV, MAIL_FROM: FROM, MAIL_RELAY_URL: undefined }).send(mailTo(to)));
      expect(log).toContain('token=abcDEF123');
      expect(kept(to)).toEqual([]);
    }
    // The sender on its own keeps nothing unless told to.
    await capturingLog(() => logSender({ from: FROM }).send(mailTo('plain@example.com')));
    expect(kept('plain@example.com')).toEqual([]);
  });

  it('serves /dev/outbox on the dev server only, with no relay, to a client on this machine only', () => {
    const devLocal = { nodeEnv: 'development', relaySet: false, clientAddress: '127.0.0.1' };
    for (const clientAddress of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect(outboxServed({ ...devLocal, clientAddress })).toBe(true);
      expect(outboxForPage({ ...devLocal, clientAddress })).toEqual(outboxEntries());
    }
    // Another environment, even from this machine.
    for (const nodeEnv of ['production', 'test', undefined]) {
      expect(outboxServed({ ...devLocal, nodeEnv })).toBe(false);
      expect(outboxForPage({ ...devLocal, nodeEnv })).toBeNull();
    }
    // A relay is set: mail really leaves, there is nothing to show.
    expect(outboxServed({ ...devLocal, relaySet: true })).toBe(false);
    // A client elsewhere (the dev server listening on the network), or one the server did not observe.
    for (const clientAddress of ['192.168.1.20', '10.0.0.1', '203.0.113.9', '2001:db8::1', 'unknown', '']) {
      expect(outboxServed({ ...devLocal, clientAddress })).toBe(false);
      expect(outboxForPage({ ...devLocal, clientAddress })).toBeNull();
    }
  });
});
