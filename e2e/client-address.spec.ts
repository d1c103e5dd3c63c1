import http from 'node:http';
import os from 'node:os';
import { expect, test } from './support/fixtures';
import { startAppServer, type AppServer } from './support/app-server';
import { E2E_TRUSTED_PROXY } from './support/mail-peers';

// Who the client is, as a real instance of the app decides it (scripts/serve.mjs,
// lib/net/client-address.mjs), seen through the limits that count by client address: the
// sign-in and sign-up limits of the auth API, at their default settings. The instance trusts
// forwarded headers from E2E_TRUSTED_PROXY (127.0.0.2) only; a request from 127.0.0.1 plays a
// client connecting directly, whatever X-Forwarded-For it sends.

const SIGN_IN_LIMIT = 5; // AUTH_SIGN_IN_MAX_ATTEMPTS' default, per minute
const SIGN_UP_LIMIT = 10; // AUTH_SIGN_UP_MAX_PER_ADDRESS' default, per hour

let app: AppServer;

test.beforeAll(async () => {
  app = await startAppServer({ name: 'client-address', env: { TRUSTED_PROXIES: E2E_TRUSTED_PROXY, PRACTICE_MODE: 'off' } });
});

test.afterAll(async () => {
  await app?.stop();
});

/** POSTs JSON to the auth API from `from` (a loopback address of this machine); the status. */
function postAuth(path: string, body: object, { from, headers = {} }: { from: string; headers?: Record<string, string> }): Promise<number> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${app.url}/api/auth${path}`,
      {
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', origin: app.url, 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

let serial = 0;
const newEmail = () => `client-address-${Date.now()}-${serial++}@example.com`;
const wrongSignIn = (from: string, forwardedFor?: string) =>
  postAuth('/sign-in/email', { email: newEmail(), password: 'not the password' }, { from, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

test.describe.configure({ mode: 'serial' });

test('a client connecting directly is its socket address: a new X-Forwarded-For each time does not reset its sign-in limit', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < SIGN_IN_LIMIT + 1; i++) statuses.push(await wrongSignIn('127.0.0.1', `198.51.100.${i + 1}`));
  // Different emails every time: the per-account throttle never comes into it.
  expect(statuses).toEqual([...Array(SIGN_IN_LIMIT).fill(401), 429]);
  // X-Real-IP and a Forwarded header are no way around it either.
  expect(await postAuth('/sign-in/email', { email: newEmail(), password: 'x'.repeat(10) }, { from: '127.0.0.1', headers: { 'x-real-ip': '198.51.100.99', forwarded: 'for=198.51.100.99' } })).toBe(429);
});

test('sign-ups from one address stop at the limit whatever X-Forwarded-For says', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < SIGN_UP_LIMIT + 1; i++) {
    statuses.push(await postAuth('/sign-up/email', { email: newEmail(), password: 'a good password', name: 'Li' }, { from: '127.0.0.1', headers: { 'x-forwarded-for': `203.0.113.${i + 1}` } }));
  }
  expect(statuses).toEqual([...Array(SIGN_UP_LIMIT).fill(200), 429]);
});

test('from the trusted proxy, the forwarded client is the one counted', async () => {
  // Each forwarded client has its own allowance: seven different ones, seven password checks.
  const distinct: number[] = [];
  for (let i = 0; i < SIGN_IN_LIMIT + 2; i++) distinct.push(await wrongSignIn(E2E_TRUSTED_PROXY, `192.0.2.${i + 1}`));
  expect(distinct).toEqual(Array(SIGN_IN_LIMIT + 2).fill(401));

  // One client behind the proxy, forging a different left-most hop every time: the proxy's hop
  // (the right-most untrusted one) is what counts.
  const forged: number[] = [];
  for (let i = 0; i < SIGN_IN_LIMIT + 1; i++) forged.push(await wrongSignIn(E2E_TRUSTED_PROXY, `10.9.9.${i + 1}, 192.0.2.200`));
  expect(forged).toEqual([...Array(SIGN_IN_LIMIT).fill(401), 429]);
});

test('the server listens on loopback only unless HOSTNAME says otherwise', async () => {
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((address) => address && !address.internal && address.family === 'IPv4');
  test.skip(!external, 'this machine has no address besides loopback to try');
  const refused = await new Promise<string>((resolve) => {
    const request = http.get(`http://${external!.address}:${app.port}/api/health`, { timeout: 3_000 }, () => resolve('answered'));
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })));
  });
  expect(refused).toBe('ECONNREFUSED');
});
