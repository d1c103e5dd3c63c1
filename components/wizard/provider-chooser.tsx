'use client';

import { ProviderLogo } from '@/components/providers/provider-logo';
import type { WizardMessages as Messages } from '@/lib/i18n/messages/wizard';
import { withDomain } from '@/lib/wizard/provider-choice';
import { useActiveProviderId } from '@/lib/wizard/client/shown-domain';
import { addressStore, providerChoiceStore } from '@/lib/wizard/client/stores';

export interface ProviderChoice {
  id: string;
  name: string;
  /** The domain filled in after the "@" when this provider is picked. */
  domain: string;
}


function pick(choice: ProviderChoice) {
  providerChoiceStore.set(choice.id);
  addressStore.set(withDomain(addressStore.get(), choice.domain));
}

/**
 * Step 1's list of providers: radio buttons drawn as tiles, so arrow keys move between them and
 * a screen reader hears one group with the picked provider. Picking one fills in the domain and
 * switches the steps; focus stays here, so the keyboard user can go on choosing.
 */
export function ProviderChooser({ choices, text }: { choices: readonly ProviderChoice[]; text: Messages['address']['chooser'] }) {
  const active = useActiveProviderId();
  return (
    <fieldset className="mt-4">
      <legend className="font-medium">{text.legend}</legend>
      <p id="provider-chooser-hint" className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        {text.hint}
      </p>
      <div className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
        {choices.map((choice) => (
          <label
            key={choice.id}
            className="choice-tile"
          >
            <input
              type="radio"
              name="provider"
              value={choice.id}
              // Invisible but covering the tile, so a click or tap lands on the radio itself.
              className="choice-tile-radio"
              checked={active === choice.id}
              aria-describedby="provider-chooser-hint"
              onChange={() => pick(choice)}
              // Picking the provider already shown (NetEase at first) fires no change, yet
              // should fill in its domain all the same.
              onClick={() => {
                if (active === choice.id) pick(choice);
              }}
            />
            <ProviderLogo providerId={choice.id} />
            <span className="min-w-0">{choice.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
