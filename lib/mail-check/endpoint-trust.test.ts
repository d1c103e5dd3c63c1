import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTestPki } from '@/tools/peers/pki';
import { createPracticeCertificates, type PracticeCertificates } from '@/lib/practice/certificate';
import { startNeteaseStyleImap, type NeteaseStyleImapServer } from '@/lib/practice/imap-server';
import { startNeteaseStyleSmtp, type NeteaseStyleSmtpServer } from '@/lib/practice/smtp-server';
import type { MailEndpoints } from '@/lib/providers/types';
import { forgetTrustForEndpoint, trustForEndpoint } from './endpoint-trust';
import { runMailCheck } from './run-check';

// The extra trust practice mode adds is as narrow as it can be: one authority, for one host and
// port. The same certificate on another port, and a certificate from the CA every test already
// trusts (NODE_EXTRA_CA_CERTS) on the registered port, both fail verification.

const ADDRESS = 'zhangsan@lianxi.test';
const CODE = 'LianxiShouquanma';

type Pair = { imap: NeteaseStyleImapServer; smtp: NeteaseStyleSmtpServer; endpoints: MailEndpoints };

let practiceCa: PracticeCertificates;
const pairs: Pair[] = [];

async function startPair(certificate: { cert: string; key: string }): Promise<Pair> {
  const acceptsLogin = (user: string, password: string) => user === ADDRESS && password === CODE;
  const imap = await startNeteaseStyleImap({
    ...certificate,
    behaviour: { acceptsLogin, idRule: () => 'after-login', inboxMessages: () => 0 },
  });
  const smtp = await startNeteaseStyleSmtp({ ...certificate, name: 'lianxi.test', behaviour: { acceptsLogin, maySend: () => true } });
  const pair = {
    imap,
    smtp,
    endpoints: {
      imap: { host: imap.host, port: imap.port, tls: 'implicit' as const },
      smtp: { host: smtp.host, port: smtp.port, tls: 'implicit' as const },
    },
  };
  pairs.push(pair);
  return pair;
}

const check = (endpoints: MailEndpoints) =>
  runMailCheck({ address: ADDRESS, code: CODE, endpoints, timeoutMs: 5_000, stageTimeoutMs: 2_000 });

let trusted: Pair;
let sameCertOtherPort: Pair;
let testCaOnTrustedPort: Pair;

beforeAll(async () => {
  practiceCa = await createPracticeCertificates();
  trusted = await startPair(practiceCa);
  sameCertOtherPort = await startPair(practiceCa);
  testCaOnTrustedPort = await startPair(ensureTestPki().server);
  for (const endpoint of [trusted.endpoints.imap, trusted.endpoints.smtp]) trustForEndpoint(endpoint, practiceCa.caCert);
  // Registered with the practice CA, but served with a certificate from the test CA.
  for (const endpoint of [testCaOnTrustedPort.endpoints.imap, testCaOnTrustedPort.endpoints.smtp]) {
    trustForEndpoint(endpoint, practiceCa.caCert);
  }
});

afterAll(async () => {
  for (const { endpoints } of pairs) {
    forgetTrustForEndpoint(endpoints.imap);
    forgetTrustForEndpoint(endpoints.smtp);
  }
  await Promise.all(pairs.flatMap(({ imap, smtp }) => [imap.stop(), smtp.stop()]));
});

describe('trust for one endpoint', () => {
  it('lets the check verify the practice servers on the host and ports they were registered for', async () => {
    const report = await check(trusted.endpoints);
    expect(report).toMatchObject({ ok: true, imap: { ok: true }, smtp: { ok: true } });
  });

  it('does not trust the same certificate on another port', async () => {
    const report = await check(sameCertOtherPort.endpoints);
    for (const result of [report.imap, report.smtp]) {
      expect(result).toMatchObject({ ok: false, code: 'tls_failed', stage: 'tls' });
    }
  });

  it('trusts only the registered authority there, not Node’s roots nor NODE_EXTRA_CA_CERTS', async () => {
    // Without a registration the test CA's server passes, so the failure below is the registration's.
    const registered = testCaOnTrustedPort.endpoints;
    for (const endpoint of [registered.imap, registered.smtp]) forgetTrustForEndpoint(endpoint);
    expect((await check(registered)).ok).toBe(true);
    for (const endpoint of [registered.imap, registered.smtp]) trustForEndpoint(endpoint, practiceCa.caCert);
    const report = await check(registered);
    for (const result of [report.imap, report.smtp]) {
      expect(result).toMatchObject({ ok: false, code: 'tls_failed', stage: 'tls' });
    }
  });

  it('stops trusting an endpoint once its registration is withdrawn', async () => {
    for (const endpoint of [trusted.endpoints.imap, trusted.endpoints.smtp]) forgetTrustForEndpoint(endpoint);
    const report = await check(trusted.endpoints);
    expect(report.imap).toMatchObject({ ok: false, code: 'tls_failed' });
    expect(report.smtp).toMatchObject({ ok: false, code: 'tls_failed' });
  });
});
