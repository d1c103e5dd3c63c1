export async function register() {
  // The start-up work needs Node (sockets, files); the edge runtime has nothing to prepare.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServer } = await import('./lib/startup');
    await startServer();
  }
}
