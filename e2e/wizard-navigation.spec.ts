import { expect, test } from './support/fixtures';
import { WIZARD_STEPS, WizardPage } from './support/wizard-page';

const TITLES: Record<(typeof WIZARD_STEPS)[number], string> = {
  'core-parameters-configuration': '你的邮箱地址和服务器',
  'access-settings': '打开网页邮箱的设置',
  'enable-service-and-get-code': '开启服务，获取授权码',
  'configure-in-client': '粘贴授权码并检测',
  result: '检测结果',
};

for (const [index, step] of WIZARD_STEPS.entries()) {
  test(`the deep link #${step} opens step ${index + 1}`, async ({ page }) => {
    const wizard = new WizardPage(page);
    await wizard.open(step);
    await wizard.expectStep(step);
    await expect(wizard.heading(step)).toHaveText(TITLES[step]);
    await expect(wizard.currentPanel).toContainText(`第 ${index + 1} 步，共 5 步`);
    await expect(wizard.currentProgressItem).toHaveAccessibleName(new RegExp(`第 ${index + 1} 步`));
    await expect(wizard.currentProgressItem).toHaveAttribute('href', `#${step}`);
  });
}

test('the guide’s section anchor for getting the code opens the settings step', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open('get-client-authorization-code');
  await wizard.expectStep('access-settings');
});

test('next and back move one step and put focus on the new step’s heading', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open();
  await wizard.expectStep('core-parameters-configuration');
  await expect(wizard.backLink('core-parameters-configuration')).toHaveCount(0);

  for (const [index, step] of WIZARD_STEPS.entries()) {
    const next = WIZARD_STEPS[index + 1];
    if (!next) {
      await expect(wizard.nextLink(step)).toHaveCount(0);
      break;
    }
    await wizard.nextLink(step).click();
    await wizard.expectStep(next);
    await expect(page).toHaveURL(new RegExp(`#${next}$`));
    await expect(wizard.heading(next)).toBeFocused();
  }

  await wizard.backLink('result').click();
  await wizard.expectStep('configure-in-client');
  await expect(wizard.heading('configure-in-client')).toBeFocused();

  // The browser's own back button walks the same path.
  await page.goBack();
  await wizard.expectStep('result');
  await page.goBack();
  await wizard.expectStep('configure-in-client');
});

test('a reload keeps the step, and the bare address reopens the tab’s last step', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open();
  await wizard.nextLink('core-parameters-configuration').click();
  await wizard.nextLink('access-settings').click();
  await wizard.expectStep('enable-service-and-get-code');

  await page.reload();
  await wizard.expectStep('enable-service-and-get-code');

  await page.goto('/');
  await wizard.expectStep('enable-service-and-get-code');
  await expect(page).toHaveURL(/#enable-service-and-get-code$/);
});

test('the progress indicator links to every step', async ({ page }) => {
  const wizard = new WizardPage(page);
  await wizard.open();
  const progress = wizard.progress;
  await expect(progress.getByRole('listitem')).toHaveCount(5);
  await progress.getByRole('link', { name: /第 4 步/ }).click();
  await wizard.expectStep('configure-in-client');
  await expect(wizard.heading('configure-in-client')).toBeFocused();
});

test('keyboard only: tab to next, enter, and every step’s controls are reachable with a visible focus ring', async ({
  page,
}) => {
  const wizard = new WizardPage(page);
  await wizard.open();

  // The skip link comes first and takes the reader to the steps.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到设置步骤' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  for (const [index, step] of WIZARD_STEPS.entries()) {
    const next = WIZARD_STEPS[index + 1];
    if (!next) break;
    // Tab forward until the next link has focus, never leaving the page's own controls.
    let reached = false;
    for (let presses = 0; presses < 60 && !reached; presses++) {
      await page.keyboard.press('Tab');
      const focused = page.locator(':focus');
      await expect(focused).toHaveCount(1);
      const outline = await focused.evaluate((element) => getComputedStyle(element).outlineStyle);
      expect(outline, 'focused control shows a focus ring').not.toBe('none');
      reached = await wizard.nextLink(step).evaluate((link) => link === document.activeElement);
    }
    expect(reached, `reached the next link of ${step}`).toBe(true);
    await page.keyboard.press('Enter');
    await wizard.expectStep(next);
    await expect(wizard.heading(next)).toBeFocused();
  }
});
