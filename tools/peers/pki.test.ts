import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import tls from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureTestPki } from './pki';

const pki = ensureTestPki();
const servers: tls.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function tlsServer(pair: { cert: string; key: string }): Promise<number> {
  const server = tls.createServer({ cert: pair.cert, key: pair.key }, (socket) => {
    socket.end('hello\r\n');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

function connect(port: number, servername?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // Deliberately no `ca` and default verification: trust must come from NODE_EXTRA_CA_CERTS.
    // Without a servername Node checks the certificate against the IP address.
    const socket = tls.connect({ host: '127.0.0.1', port, servername });
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('test PKI', () => {
  it('is reused rather than regenerated', () => {
    expect(ensureTestPki().ca.cert).toBe(pki.ca.cert);
  });

  it('names localhost and the loopback addresses in the server certificate', () => {
    const cert = new X509Certificate(pki.server.cert);
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.checkIssued(new X509Certificate(pki.ca.cert))).toBe(true);
    expect(new X509Certificate(pki.unknownCaServer.cert).checkIssued(new X509Certificate(pki.ca.cert))).toBe(false);
  });

  it('is trusted by this forked worker through NODE_EXTRA_CA_CERTS alone', async () => {
    expect(process.env.NODE_EXTRA_CA_CERTS).toBeTruthy();
    const port = await tlsServer(pki.server);
    await expect(connect(port, 'localhost')).resolves.toBe('hello\r\n');
    await expect(connect(port)).resolves.toBe('hello\r\n');
  });

  it('would not be trusted without NODE_EXTRA_CA_CERTS (so the test above proves something)', async () => {
    const port = await tlsServer(pki.server);
    const env = { ...process.env };
    delete env.NODE_EXTRA_CA_CERTS;
    const script = `require('node:tls').connect({ host: '127.0.0.1', port: ${port} })
      .on('secureConnect', () => process.exit(0)).on('error', (e) => { console.log(e.code); process.exit(3); });`;
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['-e', script], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', (code) => resolve({ code, out: out.trim() }));
    });
    // The server process trusts the CA itself, so OpenSSL may send the CA along with the leaf.
    expect(result.code).toBe(3);
    expect(['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']).toContain(result.out);
  });

  it('still rejects the wrong name and the unknown CA', async () => {
    const wrong = await tlsServer(pki.wrongName);
    await expect(connect(wrong)).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    const unknown = await tlsServer(pki.unknownCaServer);
    await expect(connect(unknown)).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });
});
