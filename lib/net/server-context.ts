// What the app knows about the HTTP server it runs in (scripts/serve.mjs), which registers itself
// on globalThis before Next loads any of the app's code.

const SERVER_KEY = Symbol.for('mailbox-onboarding.server');

export interface ServerContext {
  /** TRUSTED_PROXIES as the server parsed it. */
  trustedProxies: readonly string[];
  /**
   * Work the server awaits before it exits on SIGINT/SIGTERM. `withinMs`: the longest the task
   * takes; the server waits that long (and never less than its own ten seconds) before giving up.
   */
  onShutdown: (task: () => Promise<void> | void, options?: { withinMs?: number }) => void;
}

/** The server the app runs in, or undefined when something else serves it (`next start`, a test). */
export function serverContext(): ServerContext | undefined {
  return (globalThis as { [SERVER_KEY]?: ServerContext })[SERVER_KEY];
}

/**
 * Where this instance is in its life, as readiness (/api/ready) reports it: `starting` until the
 * start-up work (lib/startup.ts: database opened and migrated, secrets, practice servers, health
 * scheduler) is done, `ready` from then on, `stopping` once shutdown has begun (a load balancer
 * then sends new requests elsewhere while the ones in flight finish).
 */
export type ReadinessPhase = 'starting' | 'ready' | 'stopping';

// On globalThis under a registered symbol, like the server's own record, so that the server
// (plain JavaScript) can flip it too: globalThis[Symbol.for('mailbox-onboarding.readiness')].stopping = true.
const READINESS_KEY = Symbol.for('mailbox-onboarding.readiness');
type ReadinessState = { started: boolean; stopping: boolean };

function readinessState(): ReadinessState {
  const store = globalThis as { [READINESS_KEY]?: ReadinessState };
  store[READINESS_KEY] ??= { started: false, stopping: false };
  return store[READINESS_KEY];
}

export function readinessPhase(): ReadinessPhase {
  const state = readinessState();
  if (state.stopping) return 'stopping';
  return state.started ? 'ready' : 'starting';
}

/** The start-up work is done: readiness may pass (when the database answers). */
export function markStarted(): void {
  readinessState().started = true;
}

/** Shutdown has begun: readiness fails from now on, whatever the database says. */
export function markStopping(): void {
  readinessState().stopping = true;
}
