import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { freeLoopbackPort, startAppServer, type AppServer } from './support/app-server';
import { copyWorkingTree } from '../bench/web/workspace';
import { builtActionsKey, builtDeploymentId } from '../scripts/build-identity.mjs';

// Build once, run many (issue 16). Two machines that build the same sources with the same
// Server Actions key and deployment id make interchangeable builds: a page served by one posts
// its actions to the other. A build of another version (another key, another deployment id)
// answers an open page's action by having it reload, not with an error.
//
// The other machine is a copy of the working tree in another folder, built there by
// scripts/build.mjs. The instances take turns on one port and one data folder, as a rolling
// restart would, so the page's origin and cookies stay the same.

test.describe.configure({ mode: 'serial', timeout: 420_000 });

const root = process.cwd();
const mainBuild = path.join(root, '.next');
let copyRoot: string;
let dataDir: string;

function buildCopy(env: Record<string, string>): void {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--force', '--after-typecheck'], {
    cwd: copyRoot,
    // `--after-typecheck`: the suite has type-checked these sources already, as for the main build.
    env: { ...process.env, ...env, DATA_DIR: path.join(copyRoot, '.data') },
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`the copy's build failed:\n${built.stdout}\n${built.stderr}`);
}

/** The ids of every Server Action in a build. */
function actionIds(distDir: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8'));
  return Object.keys(manifest.node).sort();
}

/** The browser's files of a build (their names carry their content's hash, or the build's id). */
function staticFiles(distDir: string): string[] {
  return (fs.readdirSync(path.join(distDir, 'static'), { recursive: true }) as string[]).sort();
}

const buildId = (distDir: string) => fs.readFileSync(path.join(distDir, 'BUILD_ID'), 'utf8');

test.beforeAll(() => {
  copyRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-other-machine-'));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-rolling-data-'));
  copyWorkingTree(root, copyRoot);
});

test.afterAll(() => {
  for (const dir of [copyRoot, dataDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the same sources built on another machine with the same key and id serve the same page and actions; another version has an open page reload', async ({ browser }) => {
  const key = builtActionsKey(mainBuild);
  const deploymentId = builtDeploymentId(mainBuild);
  expect(key, 'the main build carries its Server Actions key').toBeTruthy();
  expect(deploymentId, 'the main build carries a deployment id').toBeTruthy();

  buildCopy({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key!, NEXT_DEPLOYMENT_ID: deploymentId! });
  const copyBuild = path.join(copyRoot, '.next');
  expect(builtDeploymentId(copyBuild)).toBe(deploymentId);
  expect(builtActionsKey(copyBuild)).toBe(key);
  expect(actionIds(copyBuild)).toEqual(actionIds(mainBuild));
  expect(staticFiles(copyBuild)).toEqual(staticFiles(mainBuild));
  expect(buildId(copyBuild)).toBe(buildId(mainBuild));

  const port = await freeLoopbackPort();
  const serve = (name: string, from: string) => startAppServer({ name, root: from, port, dataDir, env: { PRACTICE_MODE: 'off' } });
  let instance: AppServer = await serve('this-machine', root);
  const context = await browser.newContext({ baseURL: instance.url, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    // Marks this page load: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { openSince: number }).openSince = 1));

    // The same version from the other machine takes over: the page's action runs there.
    await instance.stop();
    instance = await serve('other-machine', copyRoot);
    await page.getByRole('button', { name: '联系客服' }).click();
    await expect(page.getByTestId('help-code')).toHaveText(/^\d{3} \d{3}$/);
    expect(await page.evaluate(() => (window as unknown as { openSince?: number }).openSince)).toBe(1);

    // A new version (another key, so other action ids, and another deployment id) takes over.
    await instance.stop();
    buildCopy({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'), NEXT_DEPLOYMENT_ID: 'e2e-next-version' });
    expect(actionIds(path.join(copyRoot, '.next'))).not.toEqual(actionIds(mainBuild));
    instance = await serve('new-version', copyRoot);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: '结束求助' }).click();
    await reloaded;
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => (window as unknown as { openSince?: number }).openSince)).toBeUndefined();
    expect(await page.evaluate(() => (globalThis as unknown as { NEXT_DEPLOYMENT_ID?: string }).NEXT_DEPLOYMENT_ID)).toBe('e2e-next-version');
    expect(errors.filter((message) => /Server Action/i.test(message))).toEqual([]);
    // The reloaded page is the new version's, and its actions work: the help request the old
    // page could not end (nothing ran) is still open, and ends now.
    await expect(page.getByTestId('help-code')).toBeVisible();
    await page.getByRole('button', { name: '结束求助' }).click();
    await expect(page.getByTestId('help-code')).toHaveCount(0);
    expect(instance.output()).toContain('a page of another version posted an action');
  } finally {
    await context.close();
    await instance.stop();
  }
});
