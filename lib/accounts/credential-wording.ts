import { format, type Locale } from '@/lib/i18n/locale';
import type { AccountsMessages } from '@/lib/i18n/messages/accounts';
import type { MailProvider } from '@/lib/providers/types';

/** What /accounts' replace-code form calls a provider's credential, and how it describes its format. */
export interface CredentialWording {
  name: string;
  hint: string;
}

export function credentialWording(provider: Pick<MailProvider, 'credential'>, locale: Locale, text: AccountsMessages['replace']): CredentialWording {
  const { name, format: shape } = provider.credential;
  // Only a format on record is described; without one (Sohu, manual setup) the hint keeps to the paste.
  const described = !shape
    ? ''
    : shape.alphabet === 'any'
      ? format(text.formatAny, { n: shape.length })
      : shape.separator
        ? format(text.formatGrouped, { n: shape.length, separator: shape.separator })
        : format(text.formatLetters, { n: shape.length });
  return {
    name: name[locale],
    hint: described ? format(text.hint, { format: described, cleaning: text.cleaning }) : text.cleaning,
  };
}
