import { env } from '@/lib/env';
import { mayReadMetrics } from '@/lib/metrics/allow';
import { scrapeMetrics } from '@/lib/metrics/probes';
import { clientAddressFrom } from '@/lib/net/client';

export const dynamic = 'force-dynamic';

// Prometheus' scrape target. Only the client addresses METRICS_ALLOW lists (loopback by default)
// get the metrics; everyone else gets the 404 of a page that does not exist, as a customer
// opening /support does. The client address is the one scripts/serve.mjs decided from the
// connection and TRUSTED_PROXIES, never a header a client wrote.
export async function GET(request: Request) {
  if (!mayReadMetrics(clientAddressFrom(request.headers), env().METRICS_ALLOW)) {
    return new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const { text, contentType } = await scrapeMetrics();
  return new Response(text, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
