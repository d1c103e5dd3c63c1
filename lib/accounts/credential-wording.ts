import { format, type Locale } from '@/lib/i18n/locale';
import type { AccountsMessages } from '@/lib/i18n/messages/accounts';
import type { MailProvider, SecretKind } from '@/lib/providers/types';

/**
 * What /accounts' replace-code form calls a provider's credential, how it describes it, and
 * whether the field cleans it (a code) or keeps it as typed (a password).
 */
export interface CredentialWording {
  name: string;
  hint: string;
  kind: SecretKind;
}

export function credentialWording(provider: Pick<MailProvider, 'credential'>, locale: Locale, text: AccountsMessages['replace']): CredentialWording {
  const { name, format: shape, kind } = provider.credential;
  if (kind === 'password') return { name: name[locale], hint: text.asTyped, kind };
  // Only a format on record is described; without one the hint keeps to the paste.
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
    kind,
  };
}
