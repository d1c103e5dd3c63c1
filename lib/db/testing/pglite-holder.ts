import { openDatabase } from '@/lib/db/client';

// A second process for the lock tests: opens the PGlite store in argv[2], says "ready <pid>",
// then either exits without closing (argv[3] === 'exit') or holds it until stdin closes.
// Run with: node --conditions=react-server --import tsx lib/db/testing/pglite-holder.ts <dataDir> [hold|exit]

const [dataDir, mode = 'hold'] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: pglite-holder.ts <dataDir> [hold|exit]');
  process.exit(2);
}

const opened = await openDatabase({ dataDir });
process.stdout.write(`ready ${process.pid}\n`);

if (mode === 'exit') {
  // Leaves without close(): the lock must still go, through the process 'exit' handler.
  process.exit(0);
}

process.stdin.resume();
process.stdin.on('end', () => {
  void opened.close().then(() => process.exit(0));
});
