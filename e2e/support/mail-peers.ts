import { E2E_CONTROL_PORT, type LoginsAtPeer, type PeerCommand } from '@/tools/peer-control';

// The browser tests' handle on the mail peers that tools/serve-with-peers.ts runs beside the app.
// What the server and the tests agree on (ports, commands, staff) is in tools/peer-control.ts;
// the specs take it from here with the rest.
export {
  E2E_CONTROL_PORT,
  E2E_SECOND_APP_PORT,
  E2E_SECOND_STAFF,
  E2E_SERVER_LOG,
  E2E_STAFF,
  E2E_TRUSTED_PROXY,
  type PeerCommand,
} from '@/tools/peer-control';

export async function controlPeers(command: PeerCommand): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/`, {
    method: 'POST',
    body: JSON.stringify(command),
  });
  if (!response.ok) throw new Error(`peer control failed: ${response.status} ${await response.text()}`);
}

/** A fresh mailbox on the peers, with its own authorization code. */
export async function createMailbox(domain: string, code = randomCode()): Promise<{ address: string; code: string }> {
  const address = `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@${domain}`;
  await controlPeers({ type: 'set-code', address, code });
  return { address, code };
}

/**
 * A fresh mailbox at Dovecot and the SMTP peer (manual setup's servers) that logs in with a name
 * of its own, not its address; the address alone is refused.
 */
export async function createMailboxWithLogin(domain: string, code = randomCode()): Promise<{ address: string; login: string; code: string }> {
  const address = `u${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@${domain}`;
  const login = `login-${address.slice(0, address.indexOf('@'))}`;
  await controlPeers({ type: 'set-code', address, code, login });
  return { address, login, code };
}

/** 16 letters, as NetEase hands them out. */
export function randomCode(): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: 16 }, () => letters[Math.floor(Math.random() * letters.length)]).join('');
}

/** The logins that reached the NetEase peers for `address` (see loginsAtPeer in tools/serve-with-peers.ts). */
export async function loginsAtPeer(address: string): Promise<LoginsAtPeer> {
  const response = await fetch(`http://127.0.0.1:${E2E_CONTROL_PORT}/logins?address=${encodeURIComponent(address)}`);
  if (!response.ok) throw new Error(`the peers' control endpoint answered ${response.status}`);
  return (await response.json()) as LoginsAtPeer;
}
