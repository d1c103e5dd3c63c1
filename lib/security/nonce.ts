import 'server-only';
import { headers } from 'next/headers';
import { nonceOf } from './content-security-policy';

// The nonce of the page being rendered, for the few inline scripts the app writes itself (the
// wizard's boot script). Read from the request's policy, which proxy.ts set, exactly where Next
// reads it for its own scripts, so the two can never differ.

/** This request's script nonce; undefined when no page policy came with it (a router prefetch). */
export async function requestNonce(): Promise<string | undefined> {
  return nonceOf((await headers()).get('content-security-policy') ?? '');
}
