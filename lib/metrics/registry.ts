import 'server-only';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

// The instance's Prometheus metrics (served at /metrics, app/metrics/route.ts). Two kinds:
//   - counted here, in this process, as things happen: the checks by provider, outcome and
//     stage, and how long they took. A counter starts at 0 when the instance starts; Prometheus'
//     rate() and increase() take restarts in their stride, and sum() adds up the instances.
//   - read from the database when scraped (lib/metrics/database-gauges.ts): what all instances
//     share, so every instance reports the same value (take max() over instances, not sum()).

export interface AppMetrics {
  registry: Registry;
  /** Checks that ended, labelled provider, kind, outcome and stage (lib/metrics/checks.ts). */
  checks: Counter<'provider' | 'kind' | 'outcome' | 'stage'>;
  /** Wall time of the checks that dialled (refused ones took no time at a provider). */
  checkDuration: Histogram<'provider'>;
  providerBudgetUsed: Gauge<'provider'>;
  providerBudgetChecks: Gauge<'provider' | 'kind'>;
  providerPaused: Gauge<'provider'>;
  healthRoundLag: Gauge;
  helpSessions: Gauge<'state'>;
  /** 1 when the last scrape's database reads succeeded, else 0 (the database gauges are then left out). */
  databaseUp: Gauge;
}

function createMetrics(): AppMetrics {
  const registry = new Registry();
  // Node's own: CPU, memory, event-loop lag, open handles.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    checks: new Counter({
      name: 'mailbox_checks_total',
      help:
        'Connection checks that ended, by provider, kind (wizard, check_now, replace_code, health), outcome ' +
        '(ok, a failure code such as auth_failed or ip_banned, or refused_<reason> when the limits refused it ' +
        'before dialling) and stage (where it stopped: imap.login, smtp.auth, ...; none when it passed; limits when refused).',
      labelNames: ['provider', 'kind', 'outcome', 'stage'],
      registers,
    }),
    checkDuration: new Histogram({
      name: 'mailbox_check_duration_seconds',
      help: 'Wall time of the checks that dialled, by provider (IMAP and SMTP side by side, every socket closed).',
      labelNames: ['provider'],
      buckets: [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30],
      registers,
    }),
    providerBudgetUsed: new Gauge({
      name: 'mailbox_provider_budget_used',
      help:
        'Failed checks within the lockout window that count against the provider\'s budget of refused logins ' +
        '(refused logins, ban signals, logins never answered; checks in flight included), all instances together.',
      labelNames: ['provider'],
      registers,
    }),
    providerBudgetChecks: new Gauge({
      name: 'mailbox_provider_budget_checks',
      help:
        'How many such failed checks the provider\'s budget (PROVIDER_LOGIN_BUDGET refused logins per window) allows ' +
        'before checks wait: kind="any" for checks people start, kind="health" for background checks (HEALTH_BUDGET_PERCENT).',
      labelNames: ['provider', 'kind'],
      registers,
    }),
    providerPaused: new Gauge({
      name: 'mailbox_provider_paused',
      help: '1 while every check to the provider is paused (a ban signal, or failures from several users), else 0.',
      labelNames: ['provider'],
      registers,
    }),
    healthRoundLag: new Gauge({
      name: 'mailbox_health_round_lag_seconds',
      help: 'How long the oldest overdue mailbox has waited for its background check (0 when none is overdue).',
      registers,
    }),
    helpSessions: new Gauge({
      name: 'mailbox_help_sessions_live',
      help: 'Help requests alive: state="waiting" for staff to enter the code, state="followed" by a staff member.',
      labelNames: ['state'],
      registers,
    }),
    databaseUp: new Gauge({
      name: 'mailbox_metrics_database_up',
      help: '1 when this scrape read the database gauges, 0 when the database did not answer.',
      registers,
    }),
  };
}

// One set per process, kept on globalThis: Next bundles the route and the server actions that
// count checks separately, and each copy of this module must count into the same registry.
const METRICS_KEY = Symbol.for('mailbox-onboarding.metrics');

export function appMetrics(): AppMetrics {
  const store = globalThis as { [METRICS_KEY]?: AppMetrics };
  store[METRICS_KEY] ??= createMetrics();
  return store[METRICS_KEY];
}
