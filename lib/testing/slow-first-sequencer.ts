import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Vitest orders files by the durations it remembers from earlier runs, and by size when it has
// none, which is always the case on a fresh clone (CI). A small file that spawns processes then
// starts last and runs on alone while the other worker idles. These files are known to take the
// longest (seconds measured on the two-core machine, side by side); they start first. A file
// missing from the list, or a name gone stale, costs only order, never a test.
const SLOWEST_FIRST = [
  'lib/testing/provider-safety.test.ts', // ~75 s with PostgreSQL: bursts of 30 checks per scenario
  'lib/db/client.test.ts', // ~36 s: opens, kills and reopens embedded databases
  'scripts/staff-create.test.ts', // ~31 s: runs `npm run staff:create` as an operator would
  'lib/health/runner.test.ts', // ~21 s
  'lib/accounts/queries.test.ts', // ~18 s
  'scripts/keys-rotate.test.ts', // ~18 s: runs `npm run keys:rotate`
  'lib/mail-check/providers-check.test.ts', // ~15 s
  'lib/accounts/manage.test.ts', // ~14 s
];

export default class SlowFirstSequencer extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = SLOWEST_FIRST.indexOf(path.relative(file.project.config.root, file.moduleId).split(path.sep).join('/'));
      return index === -1 ? SLOWEST_FIRST.length : index;
    };
    // Array.prototype.sort is stable: the rest keep Vitest's own order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
