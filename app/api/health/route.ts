import { NextResponse } from 'next/server';
import { sql } from 'drizzle-orm';
import { getDatabase } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

// Liveness plus a real round trip to the database, so a deploy (or the browser tests) can tell
// that migrations ran and the store answers.
export async function GET() {
  try {
    const { db, kind } = await getDatabase();
    await db.execute(sql`select 1`);
    return NextResponse.json({ ok: true, database: kind });
  } catch (error) {
    console.error('[health] database check failed', error);
    return NextResponse.json({ ok: false }, { status: 503 });
  }
}
