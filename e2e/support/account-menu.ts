import { expect, type Locator, type Page } from '@playwright/test';
import { AUTH_MESSAGES } from '@/lib/i18n/messages/auth';
import type { Locale } from '@/lib/i18n/locale';

/** The header's account menu (components/auth/account-menu.tsx), as a reader finds it: by roles and names. */
export class AccountMenu {
  readonly text: (typeof AUTH_MESSAGES)[Locale]['account'];

  constructor(
    readonly page: Page,
    readonly locale: Locale = 'zh',
  ) {
    this.text = AUTH_MESSAGES[locale].account;
  }

  get banner(): Locator {
    return this.page.getByRole('banner');
  }

  /**
   * The disclosure button that opens the menu (a <summary>, which browsers expose as an expandable
   * button; Playwright's role names have no role for it), showing who is signed in.
   */
  toggle(email: string): Locator {
    return this.banner.locator('summary').filter({ hasText: email });
  }

  /** The name a screen reader gives the menu's button: who is signed in. */
  toggleName(email: string): RegExp {
    return new RegExp(`^${escape(this.text.signedInAs.trim())}\\s*${escape(email)}$`);
  }

  /** Any account menu at all (none for a visitor). */
  get anyMenu(): Locator {
    return this.banner.locator('[data-account-menu]');
  }

  /** The visitor's sign-in link. */
  get signInLink(): Locator {
    return this.banner.getByRole('link', { name: this.text.signIn, exact: true });
  }

  link(name: 'mailboxes' | 'settings' | 'console'): Locator {
    return this.banner.getByRole('link', { name: this.text[name], exact: true });
  }

  get signOutButton(): Locator {
    return this.banner.getByRole('button', { name: this.text.signOut, exact: true });
  }

  async open(email: string) {
    const toggle = this.toggle(email);
    await toggle.click();
    await expect(this.anyMenu).toHaveAttribute('open', '');
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
