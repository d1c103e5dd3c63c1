import { expect, type Locator, type Page } from '@playwright/test';
import type { ShownResult } from '@/lib/wizard/client/stores';
import { WIZARD_STEPS, type WizardStep } from '@/lib/wizard/steps';

export { WIZARD_STEPS, type WizardStep };

/** The onboarding wizard at `/`, seen the way a reader uses it: roles, names and labels. */
export class WizardPage {
  constructor(readonly page: Page) {}

  async open(step?: string) {
    await this.page.goto(step ? `/#${step}` : '/');
    // The step navigator has run once the page has hydrated; until then links still work.
    await this.page.waitForLoadState('networkidle');
  }

  /** Seeds what a previous visit in this tab left behind, before any page script runs. */
  async seedSession(values: { address?: string; result?: ShownResult; step?: WizardStep }) {
    await this.page.addInitScript((seed) => {
      if (sessionStorage.getItem('e2e:seeded')) return;
      sessionStorage.setItem('e2e:seeded', '1');
      if (seed.address !== undefined) sessionStorage.setItem('wizard:address', JSON.stringify(seed.address));
      if (seed.result !== undefined) sessionStorage.setItem('wizard:result', JSON.stringify(seed.result));
      if (seed.step !== undefined) sessionStorage.setItem('wizard:step', seed.step);
    }, values);
  }

  panel(step: WizardStep): Locator {
    return this.page.locator(`section#${step}`);
  }

  /** The one step on screen. */
  get currentPanel(): Locator {
    return this.page.locator('section[data-step-panel]:visible');
  }

  heading(step: WizardStep): Locator {
    return this.panel(step).getByRole('heading', { level: 2 });
  }

  /** The progress indicator, drawn once above the steps. */
  get progress(): Locator {
    return this.page.getByRole('navigation', { name: /^(设置进度|Setup progress)$/ });
  }

  /** The progress item marked as the current step. */
  get currentProgressItem(): Locator {
    return this.progress.locator('[aria-current="step"]');
  }

  nextLink(step: WizardStep): Locator {
    return this.panel(step).getByRole('link', { name: /^(下一步|Next)/ });
  }

  backLink(step: WizardStep): Locator {
    return this.panel(step).getByRole('link', { name: /^(上一步|Back)/ });
  }

  async expectStep(step: WizardStep) {
    await expect(this.panel(step)).toBeVisible();
    await expect(this.currentPanel).toHaveCount(1);
    await expect(this.page.locator('html')).toHaveAttribute('data-wizard', step);
  }

  get addressInput(): Locator {
    return this.panel('core-parameters-configuration').getByLabel(/^(邮箱地址|Email address)$/);
  }

  get serverTable(): Locator {
    return this.panel('core-parameters-configuration').getByRole('table').first();
  }

  get codeInput(): Locator {
    return this.panel('configure-in-client').getByLabel(/^(客户端授权码|Client authorization code)$/);
  }

  get formAddressInput(): Locator {
    return this.panel('configure-in-client').getByLabel(/^(邮箱地址|Email address)$/);
  }

  get submitButton(): Locator {
    return this.panel('configure-in-client').getByRole('button', { name: /^(检测并保存|Check and save|正在检测|Checking)/ });
  }

  /** Manual setup's IMAP or SMTP box on step 1 (a domain no provider hosts). */
  manualServers(protocol: 'imap' | 'smtp'): Locator {
    const name = protocol === 'imap' ? /^(收信服务器（IMAP）|Incoming server \(IMAP\))$/ : /^(发信服务器（SMTP）|Outgoing server \(SMTP\))$/;
    return this.panel('core-parameters-configuration').getByRole('group', { name });
  }

  manualHost(protocol: 'imap' | 'smtp'): Locator {
    return this.manualServers(protocol).getByLabel(/^(服务器地址|Server address)$/);
  }

  manualPort(protocol: 'imap' | 'smtp'): Locator {
    return this.manualServers(protocol).getByLabel(/^(端口|Port)$/);
  }

  manualTls(protocol: 'imap' | 'smtp', mode: 'SSL/TLS' | 'STARTTLS'): Locator {
    return this.manualServers(protocol).getByRole('radio', { name: mode });
  }

  /** Manual setup's disclosure for a login name that is not the address. */
  get manualLoginToggle(): Locator {
    return this.panel('core-parameters-configuration').getByText(/^(登录名和邮箱地址不同？|Is your login name different from your address\?)$/);
  }

  manualLoginName(): Locator {
    return this.panel('core-parameters-configuration').getByLabel(/^(登录名|Login name)$/);
  }

  /** What a passing check says the client will get (push or polling, servers, login name). */
  get connectionSummary(): Locator {
    return this.panel('result').locator('[data-connection-summary]');
  }

  /** Every response body the browser receives from now on (HTML, RSC payloads, JSON), for secret searches. */
  recordResponses(): string[] {
    const bodies: string[] = [];
    this.page.on('response', async (response) => {
      try {
        bodies.push(await response.text());
      } catch {
        // Redirects and aborted requests have no body.
      }
    });
    return bodies;
  }

  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }
}
