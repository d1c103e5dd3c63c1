import { NextResponse } from 'next/server';
import { checkReadiness } from '@/lib/metrics/probes';

export const dynamic = 'force-dynamic';

// Readiness: 200 when this instance should be sent requests, 503 while it starts (migrations
// included), once it is stopping, or while its database does not answer. /api/health stays the
// liveness probe: a load balancer takes an instance out on this one, an orchestrator restarts
// it on that one.
export async function GET() {
  const readiness = await checkReadiness();
  return NextResponse.json(readiness, { status: readiness.ready ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
