import 'server-only';
import { headers } from 'next/headers';
import { requestIsHttps } from '@/lib/net/client';

// Whether a cookie the app sets itself is Secure (issue 13, item 7). It follows the request being
// answered, not a setting: a browser that reached the app over https (directly, or through a
// trusted proxy, as scripts/serve.mjs decided) gets cookies it will only ever send back over https;
// one on plain http (the embedded default on localhost) gets cookies it can send at all.

/** `secure` for a cookie set while answering the current request. */
export async function cookieSecure(): Promise<boolean> {
  return requestIsHttps(await headers());
}
