import type { Logger } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { AppDatabase } from '../../lib/db/client';
import * as schema from '../../lib/db/schema';

// The query plans of `npm run bench:scale`: the SQL the app's own functions send, caught by
// drizzle's logger, then run again under EXPLAIN (ANALYZE, BUFFERS) with the same parameters
// inside a transaction that is rolled back (the health claim is an UPDATE, the support search
// writes its audit entry).

export interface SentStatement {
  sql: string;
  params: unknown[];
}

/** A database that runs the app's code as usual and keeps every statement it sends. */
export function recordingDatabase(pool: pg.Pool): { db: AppDatabase; take(): SentStatement[] } {
  let sent: SentStatement[] = [];
  const logger: Logger = {
    logQuery(query, params) {
      // A transaction's own statements have no plan.
      if (!/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(query)) sent.push({ sql: query, params });
    },
  };
  const db: AppDatabase = drizzle({ client: pool, schema, logger });
  return {
    db,
    take() {
      const taken = sent;
      sent = [];
      return taken;
    },
  };
}

/** The tables a sequential scan must never read: they grow with the number of users. */
export const BIG_TABLES: ReadonlySet<string> = new Set([
  'mail_accounts',
  'check_attempts',
  'account_status_events',
  'account_audit_log',
  'support_audit_log',
  'help_sessions',
  'auth_users',
  'auth_sessions',
]);

export interface ScanNode {
  /** Seq Scan, Index Scan, Index Only Scan, Bitmap Heap Scan, Bitmap Index Scan. */
  type: string;
  relation?: string;
  index?: string;
  rows: number;
  loops: number;
  removedByFilter: number;
}

export interface StatementPlan {
  /** The statement's first words, to tell them apart in the report. */
  head: string;
  scans: ScanNode[];
  executionMs: number;
  sharedHit: number;
  sharedRead: number;
  /** Sequential scans of a big table. */
  misses: ScanNode[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

const SCAN_TYPES = new Set(['Seq Scan', 'Index Scan', 'Index Only Scan', 'Bitmap Heap Scan', 'Bitmap Index Scan']);

function scansOf(node: PlanNode, into: ScanNode[] = []): ScanNode[] {
  if (SCAN_TYPES.has(node['Node Type'])) {
    into.push({
      type: node['Node Type'],
      ...(node['Relation Name'] ? { relation: node['Relation Name'] } : {}),
      ...(node['Index Name'] ? { index: node['Index Name'] } : {}),
      rows: node['Actual Rows'] ?? 0,
      loops: node['Actual Loops'] ?? 1,
      removedByFilter: node['Rows Removed by Filter'] ?? 0,
    });
  }
  for (const child of node.Plans ?? []) scansOf(child, into);
  return into;
}

/** The statement's plan as it runs now, its effects rolled back. */
export async function explainStatement(client: pg.PoolClient, statement: SentStatement): Promise<StatementPlan> {
  await client.query('begin');
  try {
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
      `explain (analyze, buffers, format json) ${statement.sql}`,
      statement.params,
    );
    const [{ Plan: plan, 'Execution Time': executionMs }] = rows[0]!['QUERY PLAN'];
    const scans = scansOf(plan);
    return {
      head: statement.sql.replace(/\s+/g, ' ').slice(0, 40),
      scans,
      executionMs,
      sharedHit: plan['Shared Hit Blocks'] ?? 0,
      sharedRead: plan['Shared Read Blocks'] ?? 0,
      misses: scans.filter((scan) => scan.type === 'Seq Scan' && scan.relation !== undefined && BIG_TABLES.has(scan.relation)),
    };
  } finally {
    await client.query('rollback');
  }
}

/** One line per scan: how a table was read, how many rows came out and how many were read for nothing. */
export function describeScan(scan: ScanNode): string {
  const what = scan.type === 'Bitmap Index Scan' ? `${scan.type} ${scan.index}` : `${scan.type}${scan.index ? ` ${scan.index}` : ''} on ${scan.relation}`;
  const loops = scan.loops > 1 ? ` × ${scan.loops} loops` : '';
  const removed = scan.removedByFilter > 0 ? `, ${scan.removedByFilter.toLocaleString('en')} removed by filter` : '';
  const miss = scan.type === 'Seq Scan' && scan.relation && BIG_TABLES.has(scan.relation) ? '  <-- MISS: sequential scan of a big table' : '';
  return `${what} (${scan.rows.toLocaleString('en')} rows${loops}${removed})${miss}`;
}
