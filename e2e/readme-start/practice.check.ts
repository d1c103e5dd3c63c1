import { expect, test } from '../support/fixtures';
import { signUp } from '../support/accounts';
import { connectPracticeMailbox } from '../support/practice-page';

// The README's promise for a machine with nothing but Node: `npm start`, and the practice mailbox
// can be connected. The check reaches the app's own practice servers (no test peer, no override,
// no test CA: none exists here) and the mailbox reaches 「正常」.

test('npm start on a fresh copy serves practice mode, and a practice mailbox reaches 「正常」', async ({ page }) => {
  const health = await page.request.get('/api/health');
  expect(health.ok()).toBe(true);

  await signUp(page, '/practice');
  await connectPracticeMailbox(page);
});
