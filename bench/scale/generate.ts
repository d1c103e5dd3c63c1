import { createHash } from 'node:crypto';
import type pg from 'pg';
import { HOLDING_CODES } from '../../lib/health/hold';
import type { FailureCode } from '../../lib/mail-check/types';

// The data of `npm run bench:scale`, made by PostgreSQL itself (INSERT ... SELECT over
// generate_series): a million rows sent one by one from Node would take longer than everything
// the benchmark measures. Every row is relative to one reference time, the "now" the measured
// code is then run at, so a kept database measures the same way on a later day.
//
// The shape follows what a long-running installation accumulates, because the costs measured
// depend on it, not only on the row count:
// - owners: most have 1 to 3 mailboxes, a few have many, one has exactly 50 (the /accounts case);
// - active accounts are spread over one interval with jitter, a few percent overdue (a round
//   that has fallen behind);
// - paused accounts and accounts held from background checks (their code was refused) keep the
//   slot they had when they stopped, so they pile up in the past ahead of every due account;
// - check attempts: one day of health checks of every active account, each account's last
//   check however old, failed wizard checks of addresses never saved, and one address with a
//   month of history (the support search case).
// Sealed codes are random bytes of a real sealed code's size, never a secret.

export interface ScaleShape {
  accounts: number;
  /** The health interval, as the app's default (HEALTH_CHECK_INTERVAL_MINUTES=360). */
  intervalSeconds: number;
  /** Of the active accounts, the share whose slot has passed at the reference time. */
  overdueShare: number;
  /** How many hours of health checks of every active account check_attempts holds. */
  attemptHours: number;
}

export interface ScaleWorld {
  referenceTime: Date;
  /** The owner with exactly 50 mailboxes. */
  ownerId: string;
  /** The address the support search looks for: one of that owner's, with a month of attempts. */
  searchAddress: string;
  staff: { id: string; email: string };
  /** Rows per table, and the mailboxes by state. */
  counts: Record<string, number>;
  /** Seconds each step took. */
  seconds: Record<string, number>;
}

/** The owner with 50 mailboxes; owner ids are md5 hex, 32 characters like the auth library's. */
const BIG_OWNER_NO = 1;
const BIG_OWNER_BOXES = 50;
const STAFF_MEMBERS = 20;

// The failure codes the generated results carry. The held ones must hold an account and the
// retried one must not, or the data would not mean what its counts say.
const HELD_IMAP_CODE: FailureCode = 'auth_failed';
const HELD_SMTP_CODE: FailureCode = 'smtp_not_enabled';
const RETRIED_CODE: FailureCode = 'timeout';
if (!HOLDING_CODES.includes(HELD_IMAP_CODE) || !HOLDING_CODES.includes(HELD_SMTP_CODE) || HOLDING_CODES.includes(RETRIED_CODE)) {
  throw new Error('bench/scale/generate.ts: the generated failure codes no longer match lib/health/hold.ts');
}

/** Runs the steps in order on one connection (the owners' plan is a temporary table). */
export async function generateScaleData(client: pg.Client, shape: ScaleShape): Promise<ScaleWorld> {
  if (shape.accounts < BIG_OWNER_BOXES * 2) throw new RangeError(`bench:scale needs at least ${BIG_OWNER_BOXES * 2} accounts`);
  const seconds: Record<string, number> = {};
  const step = async (name: string, text: string, params: unknown[] = []) => {
    const started = performance.now();
    const result = await client.query(text, params);
    seconds[name] = (seconds[name] ?? 0) + (performance.now() - started) / 1000;
    return result;
  };

  const { rows: nowRows } = await client.query<{ t: Date }>(`select date_trunc('second', now()) as t`);
  const referenceTime = nowRows[0]!.t;
  const T = referenceTime.toISOString();
  const I = shape.intervalSeconds;

  // The same data on every run (random() follows the seed within this session).
  await client.query('select setseed(0.16)');

  // How many mailboxes each owner has, until the total is reached (the last owner is trimmed).
  await step(
    'owners',
    `create temporary table scale_owners as
     with drawn as materialized (
       select n as owner_no, random() as r1, random() as r2, random() as r3 from generate_series(1, $1::int) as n
     ), sized as (
       select owner_no,
         case when owner_no = ${BIG_OWNER_NO} then ${BIG_OWNER_BOXES}
              when r1 < 0.60 then 1 when r1 < 0.84 then 2 when r1 < 0.94 then 3
              when r1 < 0.99 then 4 + floor(r2 * 7)::int
              else 11 + floor(r2 * r3 * 190)::int end as boxes
       from drawn
     ), running as (
       select owner_no, boxes, sum(boxes) over (order by owner_no) as upto from sized
     )
     select owner_no, md5('owner-' || owner_no) as owner_id, least(boxes, $1::int - (upto - boxes))::int as boxes
     from running where upto - boxes < $1::int`,
    [shape.accounts],
  );
  await client.query('create unique index on scale_owners (owner_no)');

  await step(
    'auth_users',
    `insert into auth_users (id, name, email, email_verified, created_at, updated_at)
     select owner_id, 'Bench user ' || owner_no, 'user' || owner_no || '@example.com', true, joined, joined
     from (select owner_id, owner_no, $1::timestamptz - interval '400 days' * random() as joined from scale_owners) as s`,
    [T],
  );
  const staff = { id: md5Like('staff-1'), email: 'staff1@example.com' };
  await step(
    'auth_users',
    `insert into auth_users (id, name, email, email_verified, role)
     select md5('staff-' || n), 'Staff ' || n, 'staff' || n || '@example.com', true, 'staff' from generate_series(1, ${STAFF_MEMBERS}) as n`,
  );

  // Mailboxes. kind: what the account's history made of it (ok, new = connected within the last
  // interval and not yet given a slot, retrying = failed without a verdict, held = refused on the
  // login, paused).
  await step(
    'mail_accounts',
    `insert into mail_accounts (owner_id, address, provider_id, domain, imap_host, imap_port, imap_tls, smtp_host, smtp_port, smtp_tls,
       status, sealed_code, code_key_id, created_at, updated_at, last_checked_at, last_check_result, next_check_at, health_failures)
     with drawn as materialized (
       select o.owner_no, o.owner_id, k, random() as r_provider, random() as r_domain, random() as r_state, random() as r_slot,
         random() as r_jitter, random() as r_age, random() as r_key, random() as r_result, random() as r_ms
       from scale_owners as o cross join lateral generate_series(1, o.boxes) as k
     ), typed as (
       select d.*,
         case when r_provider < 0.50 then 'netease' when r_provider < 0.82 then 'qq' when r_provider < 0.90 then 'netease-enterprise'
              when r_provider < 0.95 then 'icloud' when r_provider < 0.98 then 'sohu' else 'manual' end as provider_id,
         case when r_state < 0.05 then 'paused' when r_state < 0.08 then 'held' when r_state < 0.095 then 'retrying'
              when r_state < 0.105 then 'new' else 'ok' end as kind,
         make_interval(secs => $2::double precision * (0.9 + 0.2 * r_jitter)) as step
       from drawn as d
     ), placed as (
       select t.*,
         case provider_id
           when 'netease' then (case when r_domain < 0.70 then '163.com' when r_domain < 0.93 then '126.com' else 'yeah.net' end)
           when 'qq' then (case when r_domain < 0.95 then 'qq.com' else 'foxmail.com' end)
           when 'netease-enterprise' then 'corp' || (owner_no % 5000) || '.cn'
           when 'icloud' then 'icloud.com'
           when 'sohu' then 'sohu.com'
           else 'mail' || (owner_no % 2000) || '.example.net' end as domain,
         -- The last check: the claim before the current slot for an active account, long ago for
         -- a held or paused one, the wizard's check for a new one.
         case kind
           when 'new' then $1::timestamptz - make_interval(secs => $2::double precision * r_slot)
           when 'held' then $1::timestamptz - interval '90 days' * r_slot
           when 'paused' then $1::timestamptz - interval '180 days' * r_slot
           else $1::timestamptz + make_interval(secs => $2::double precision * (r_slot - $3::double precision)) - step end as checked
       from typed as t
     ), shaped as (
       select p.*,
         case provider_id when 'netease' then 'imap.' || domain when 'qq' then 'imap.qq.com' when 'netease-enterprise' then 'imap.qiye.163.com'
           when 'icloud' then 'imap.mail.me.com' when 'sohu' then 'imap.sohu.com' else 'imap.' || domain end as imap_host,
         case provider_id when 'netease' then 'smtp.' || domain when 'qq' then 'smtp.qq.com' when 'netease-enterprise' then 'smtp.qiye.163.com'
           when 'icloud' then 'smtp.mail.me.com' when 'sohu' then 'smtp.sohu.com' else 'smtp.' || domain end as smtp_host,
         case when provider_id = 'icloud' then 587 else 465 end as smtp_port,
         case when provider_id = 'icloud' then 'starttls' else 'implicit' end as smtp_tls,
         -- What the last check said: held accounts were refused (mostly the IMAP login, some with
         -- SMTP switched off), retrying ones timed out, a third of the paused ones were refused.
         case when kind = 'held' or (kind = 'paused' and r_result < 0.3) then (case when r_result < 0.85 or kind = 'paused' then 'imap_refused' else 'smtp_off' end)
              when kind = 'retrying' then 'timeout' else 'ok' end as outcome,
         500 + floor(r_ms * 2000)::int as ms
       from placed as p
     )
     select owner_id,
       'u' || owner_no || (case when k > 1 then '.' || k else '' end) || '@' || domain,
       provider_id, domain, imap_host, 993, 'implicit', smtp_host, smtp_port, smtp_tls,
       case kind when 'paused' then 'paused' when 'held' then 'failed' when 'retrying' then 'failed' else 'ok' end,
       '\\x01'::bytea || substring(decode(md5(random()::text) || md5(random()::text) || md5(random()::text), 'hex')
         from 1 for (case provider_id when 'icloud' then 47 else 44 end)),
       case when r_key < 0.05 then 'k0a1b2c3d4e5f' else 'k5f4e3d2c1b0a' end,
       case kind when 'new' then checked else checked - interval '365 days' * r_age end,
       case kind when 'paused' then checked + interval '3 days' * r_jitter else checked end,
       checked,
       jsonb_build_object(
         'ok', outcome = 'ok',
         'checkedAt', to_char(checked at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'durationMs', ms,
         'banSignal', false,
         'imap', jsonb_build_object('ok', outcome in ('ok', 'smtp_off'), 'durationMs', ms * 6 / 10,
             'endpoint', jsonb_build_object('host', imap_host, 'port', 993, 'tls', 'implicit'))
           || case outcome
                when 'imap_refused' then jsonb_build_object('code', '${HELD_IMAP_CODE}', 'stage', 'login', 'serverText', 'NO LOGIN failed')
                when 'timeout' then jsonb_build_object('code', '${RETRIED_CODE}', 'stage', 'connect')
                else '{}'::jsonb end,
         'smtp', jsonb_build_object('ok', outcome = 'ok', 'durationMs', ms * 8 / 10,
             'endpoint', jsonb_build_object('host', smtp_host, 'port', smtp_port, 'tls', smtp_tls))
           || case outcome
                when 'imap_refused' then jsonb_build_object('code', 'not_attempted', 'stage', 'auth')
                when 'smtp_off' then jsonb_build_object('code', '${HELD_SMTP_CODE}', 'stage', 'auth', 'serverText', '550 User has no permission')
                when 'timeout' then jsonb_build_object('code', '${RETRIED_CODE}', 'stage', 'connect')
                else '{}'::jsonb end),
       case kind when 'new' then null else checked + step end,
       case kind when 'retrying' then 1 + floor(r_jitter * 3)::int else 0 end
     from shaped`,
    [T, I, shape.overdueShare],
  );

  const ownerId = md5Like(`owner-${BIG_OWNER_NO}`);
  const { rows: searchRows } = await client.query<{ address: string; provider_id: string }>(
    `select address, provider_id from mail_accounts where owner_id = $1 order by address limit 1`,
    [ownerId],
  );
  const search = searchRows[0]!;

  // Status history: some accounts went through failures and came back (the owner of 50 through
  // many, so that the history limit of /accounts matters), and every failed or paused account
  // has the change that made it so.
  await step(
    'account_status_events',
    `insert into account_status_events (account_id, at, from_status, to_status, reason, failure_code)
     with accounts as materialized (
       select id, status, created_at, last_checked_at, updated_at, last_check_result,
         case when owner_id = $1 then 3 + floor(random() * 20)::int when random() < 0.2 then 1 + floor(random() * 4)::int else 0 end as episodes
       from mail_accounts
     ), past as (
       select a.id, a.created_at + (a.last_checked_at - a.created_at) * (e::double precision / (a.episodes + 1)) as at
       from accounts as a cross join lateral generate_series(1, a.episodes) as e
     )
     select id, at, 'ok', 'failed', 'health_check', '${RETRIED_CODE}' from past
     union all select id, at + interval '2 hours', 'failed', 'ok', 'check_passed', null from past
     union all select id, last_checked_at, 'ok', 'failed', 'health_check',
       coalesce(last_check_result->'imap'->>'code', last_check_result->'smtp'->>'code') from accounts where status = 'failed'
     union all select id, updated_at, 'ok', 'paused', 'paused_by_user', null from accounts where status = 'paused'`,
    [ownerId],
  );

  await step(
    'account_audit_log',
    `insert into account_audit_log (owner_id, account_id, address, action, at)
     select owner_id, id, address, 'paused', updated_at from mail_accounts where status = 'paused'
     union all
     select owner_id, id, address, 'code_replaced', created_at + (last_checked_at - created_at) * random()
       from mail_accounts where random() < 0.05
     union all
     select owner_id, gen_random_uuid(), 'gone' || owner_no || '@163.com', 'deleted', $1::timestamptz - interval '365 days' * random()
       from scale_owners where random() < 0.05`,
    [T],
  );

  // Check attempts. Every account's last check, however old; the health checks of the last
  // attemptHours of every active account (one per interval); wizard checks that failed for
  // addresses never saved (about one per twenty accounts over the same hours).
  await step(
    'check_attempts',
    `insert into check_attempts (address, provider_id, started_at, finished_at, state, kind, ok, imap_code, smtp_code,
       counts_toward_limit, ban_signal, duration_ms, owner_id, imap_stage, smtp_stage, imap_server_text, smtp_server_text)
     with runs as (
       select a.address, a.provider_id, a.owner_id, a.last_check_result as r, a.next_check_at, a.health_failures, i,
         a.last_checked_at - make_interval(secs => $1::double precision * i) as started_at, a.created_at
       from mail_accounts as a
       cross join lateral generate_series(0,
         case when a.status = 'ok' and a.next_check_at is not null or a.health_failures > 0
              then greatest(0, ceil($2::double precision * 3600 / $1::double precision)::int - 1) else 0 end) as i
     ), outcomes as (
       select runs.*,
         case when i = 0 then (r->>'ok')::boolean else i >= health_failures end as ok,
         case when i = 0 then (r->>'durationMs')::int else 500 + floor(random() * 2000)::int end as ms
       from runs where i = 0 or started_at >= created_at
     )
     select address, provider_id, started_at, started_at + make_interval(secs => ms / 1000.0), 'done',
       case when i = 0 and next_check_at is null then 'wizard' else 'health' end,
       ok,
       case when ok then null when i = 0 then r->'imap'->>'code' else '${RETRIED_CODE}' end,
       case when ok then null when i = 0 then r->'smtp'->>'code' else '${RETRIED_CODE}' end,
       not ok and (i = 0 and (r->'imap'->>'stage' = 'login' or r->'smtp'->>'code' = '${HELD_SMTP_CODE}')),
       false, ms, owner_id,
       case when ok then null when i = 0 then r->'imap'->>'stage' else 'connect' end,
       case when ok then null when i = 0 then r->'smtp'->>'stage' else 'connect' end,
       case when i = 0 then r->'imap'->>'serverText' end,
       case when i = 0 then r->'smtp'->>'serverText' end
     from outcomes`,
    [I, shape.attemptHours],
  );
  await step(
    'check_attempts',
    `insert into check_attempts (address, provider_id, started_at, finished_at, state, kind, ok, imap_code, smtp_code,
       counts_toward_limit, ban_signal, duration_ms, owner_id, imap_stage, smtp_stage, imap_server_text, smtp_server_text)
     select 'w' || n || '@' || (case when n % 3 = 0 then 'qq.com' else '163.com' end), case when n % 3 = 0 then 'qq' else 'netease' end,
       started, started + interval '900 milliseconds', 'done', 'wizard', false, 'auth_failed', 'not_attempted', true, false, 900,
       o.owner_id, 'login', 'auth', 'NO LOGIN failed', null
     from (select n, $1::timestamptz - make_interval(secs => $2::double precision * 3600 * random()) as started
           from generate_series(1, greatest(1, $3::int / 20)) as n) as w
     join scale_owners as o on o.owner_no = 1 + (w.n * 7919) % (select count(*) from scale_owners)`,
    [T, shape.attemptHours, shape.accounts],
  );
  // The searched address: a month of health checks before the hours above, and a dozen checks by
  // hand in the last week that were refused (what makes a customer call).
  await step(
    'check_attempts',
    `insert into check_attempts (address, provider_id, started_at, finished_at, state, kind, ok, imap_code, smtp_code,
       counts_toward_limit, ban_signal, duration_ms, owner_id, imap_stage, smtp_stage, imap_server_text, smtp_server_text)
     select $1::text, $2::text, started, started + interval '1 second', 'done', 'health', true, null, null, false, false, 1000, $3::text, null, null, null, null
     from (select $4::timestamptz - make_interval(secs => $5::double precision * i) as started
           from generate_series(ceil($6::double precision * 3600 / $5::double precision)::int, 30 * 86400 / $5::int) as i) as h
     union all
     select $1::text, $2::text, started, started + interval '800 milliseconds', 'done', 'check_now', false, 'auth_failed', 'not_attempted', true, false, 800, $3::text,
       'login', 'auth', 'NO LOGIN failed', null
     from (select $4::timestamptz - interval '7 days' * random() as started from generate_series(1, 12)) as c`,
    [search.address, search.provider_id, ownerId, T, I, shape.attemptHours],
  );

  // Help requests of the last week (older ones are purged), and a year of staff actions.
  await step(
    'help_sessions',
    `insert into help_sessions (code, browser_token_hash, customer_id, created_at, code_expires_at, ends_at, revoked_at, step, address,
       progress_at, claimed_by, claimed_at)
     select lpad(floor(random() * 1000000)::int::text, 6, '0'), md5('token-' || n) || md5('hash-' || n),
       case when n % 10 < 7 then o.owner_id end, created, created + interval '30 minutes', created + interval '2 hours',
       case when n % 4 = 0 then created + interval '20 minutes' end, 'enable-service-and-get-code', null, created + interval '5 minutes',
       case when n % 2 = 0 then md5('staff-' || (1 + n % ${STAFF_MEMBERS})) end, case when n % 2 = 0 then created + interval '3 minutes' end
     from (select n, $1::timestamptz - interval '7 days' * random() as created from generate_series(1, greatest(1, $2::int / 50)) as n) as s
     join scale_owners as o on o.owner_no = 1 + (s.n * 7919) % (select count(*) from scale_owners)`,
    [T, shape.accounts],
  );
  await step(
    'support_audit_log',
    `insert into support_audit_log (staff_id, staff_email, at, action, help_session_id, customer_id, detail)
     select md5('staff-' || (1 + n % ${STAFF_MEMBERS})), 'staff' || (1 + n % ${STAFF_MEMBERS}) || '@example.com',
       $1::timestamptz - interval '365 days' * random(),
       (array['code_entered', 'code_refused', 'session_viewed', 'step_suggested', 'attempts_searched'])[1 + n % 5],
       null, md5('owner-' || (1 + (n * 7919) % 1000)), 'bench'
     from generate_series(1, greatest(1, $2::int / 10)) as n`,
    [T, shape.accounts],
  );
  await client.query('drop table scale_owners');

  // Statistics and the visibility map as autovacuum would leave them on a live server.
  const vacuumStarted = performance.now();
  await client.query('vacuum analyze');
  seconds['vacuum analyze'] = (performance.now() - vacuumStarted) / 1000;

  return { referenceTime, ownerId, searchAddress: search.address, staff, counts: await countRows(client, referenceTime), seconds };
}

/** md5 hex of a text, as PostgreSQL's md5() makes the generated ids. */
function md5Like(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** Rows per table and mailboxes per state, for the report (one pass each; not measured). */
async function countRows(client: pg.Client, referenceTime: Date): Promise<Record<string, number>> {
  const { rows } = await client.query<Record<string, string>>(
    `select
       (select count(*) from auth_users) as auth_users,
       (select count(*) from mail_accounts) as mail_accounts,
       (select count(*) from account_status_events) as account_status_events,
       (select count(*) from account_audit_log) as account_audit_log,
       (select count(*) from check_attempts) as check_attempts,
       (select count(*) from help_sessions) as help_sessions,
       (select count(*) from support_audit_log) as support_audit_log,
       (select count(distinct owner_id) from mail_accounts) as owners`,
  );
  const { rows: states } = await client.query<Record<string, string>>(
    `select
       count(*) filter (where status = 'ok') as ok,
       count(*) filter (where status = 'failed') as failed,
       count(*) filter (where status = 'failed' and health_failures = 0) as held,
       count(*) filter (where status = 'paused') as paused,
       count(*) filter (where next_check_at is null) as never_scheduled,
       count(*) filter (where status <> 'paused' and next_check_at <= $1 and not (status = 'failed' and health_failures = 0)) as due,
       count(*) filter (where next_check_at <= $1 and (status = 'paused' or status = 'failed' and health_failures = 0)) as stale_slots
     from mail_accounts`,
    [referenceTime],
  );
  return Object.fromEntries(Object.entries({ ...rows[0], ...states[0] }).map(([key, value]) => [key, Number(value)]));
}
