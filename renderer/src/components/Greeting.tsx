import { Trans } from 'react-i18next';
import type { MaskedIdentity } from '../../../contract/index.js';
import { startApplication } from '../application/application-actions.js';
import { i18n } from '../i18n/index.js';
import { chooseProof } from '../proof/proof-actions.js';
import { useKioskContext, useT } from '../use-kiosk.js';
import { FinishButton } from './FinishButton.js';
import { ServiceCards } from './ServiceCards.js';

/** The screen of an identified citizen: masked name and ID number, services, "finish". */
export function Greeting({ identity }: { identity: MaskedIdentity }) {
  const { store } = useKioskContext();
  const t = useT();
  return (
    <main className="screen greeting" data-testid="greeting">
      <section className="welcome" aria-live="polite">
        <h2 className="welcome__hello">
          <Trans
            t={t}
            i18n={i18n}
            i18nKey="greeting.hello"
            values={{ name: identity.maskedName }}
            components={{ name: <span className="welcome__name" data-testid="greeting-name" /> }}
          />
        </h2>
        <dl className="welcome__card">
          <div>
            <dt>{t('greeting.cardType')}</dt>
            <dd>{t(`cardType.${identity.cardType}`)}</dd>
          </div>
          <div>
            <dt>{t('greeting.idNumber')}</dt>
            <dd className="welcome__id" data-testid="greeting-id">
              {identity.maskedIdNumber}
            </dd>
          </div>
        </dl>
      </section>
      <ServiceCards
        heading={t('greeting.chooseService')}
        starters={{
          printProof: () => chooseProof(store),
          scanDocuments: () => startApplication(store),
        }}
      />
      <div className="actions">
        <FinishButton label={t('greeting.finish')} testId="finish" />
      </div>
    </main>
  );
}
