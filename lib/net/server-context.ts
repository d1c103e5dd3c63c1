// What the app knows about the HTTP server it runs in (scripts/serve.mjs), which registers itself
// on globalThis before Next loads any of the app's code.

const SERVER_KEY = Symbol.for('mailbox-onboarding.server');

export interface ServerContext {
  /** TRUSTED_PROXIES as the server parsed it. */
  trustedProxies: readonly string[];
  /** Work the server awaits before it exits on SIGINT/SIGTERM. */
  onShutdown: (task: () => Promise<void> | void) => void;
}

/** The server the app runs in, or undefined when something else serves it (`next start`, a test). */
export function serverContext(): ServerContext | undefined {
  return (globalThis as { [SERVER_KEY]?: ServerContext })[SERVER_KEY];
}
