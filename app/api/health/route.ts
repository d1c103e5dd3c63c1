import { NextResponse } from 'next/server';
import { sql } from 'drizzle-orm';
import { getDatabase } from '@/lib/db/client';
import { logger } from '@/lib/log/logger.mjs';

export const dynamic = 'force-dynamic';

// Liveness plus a real round trip to the database, so a deploy (or the browser tests) can tell
// that migrations ran and the store answers. Readiness (whether to send this instance traffic,
// which also fails while it stops) is /api/ready.
export async function GET() {
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`select 1`);
    return NextResponse.json({ ok: true, database: kind });
  } catch (error) {
    logger('probe').error({ err: error }, 'liveness: the database check failed');
    return NextResponse.json({ ok: false }, { status: 503 });
  }
}
