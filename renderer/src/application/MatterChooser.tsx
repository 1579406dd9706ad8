import { ChoiceList } from '../flow/ChoiceList.js';
import { FlowHeader } from '../flow/FlowHeader.js';
import { useKiosk, useKioskContext, useT } from '../use-kiosk.js';
import { chooseMatter, leaveMatterList } from './application-actions.js';
import { matterDocuments, matterTitle } from './matter-text.js';

// A sheet with lines and a folded corner, on a 48×48 grid.
const MATTER_ICON = 'M12 5h18l8 8v30H12zM30 5v8h8M18 22h14M18 28h14M18 34h9';

/** The matters of the platform's catalogue, one large card each with what to scan; and "back". */
export function MatterChooser() {
  const { store } = useKioskContext();
  const { kiosk, language } = useKiosk();
  const t = useT();
  const matters = kiosk?.catalogue?.matters ?? [];
  return (
    <main className="screen flow" data-testid="matter-chooser">
      <FlowHeader
        title={t('application.chooser.title')}
        hint={t('application.chooser.hint')}
        back={{
          label: t('application.chooser.back'),
          testId: 'matter-chooser-back',
          onBack: () => leaveMatterList(store),
        }}
      />
      {matters.length === 0 ? (
        <div className="callout" role="note" data-testid="no-matters">
          <p className="callout__message">{t('application.chooser.none')}</p>
          <p className="callout__hint">{t('application.chooser.noneHint')}</p>
        </div>
      ) : (
        <ChoiceList
          choices={matters.map((matter) => {
            const documents = matterDocuments(matter, language);
            return {
              id: matter.code,
              testId: `matter-${matter.code}`,
              icon: MATTER_ICON,
              name: matterTitle(matter, language),
              description: documents ? t('application.documents', { hint: documents }) : undefined,
              onChoose: () => chooseMatter(store, matter),
            };
          })}
        />
      )}
    </main>
  );
}
