import { FlowHeader } from '../flow/FlowHeader.js';
import { useKiosk, useKioskContext, useT } from '../use-kiosk.js';
import { askToLeave, finishScanning } from './application-actions.js';
import type { ApplicationStep } from './application-flow.js';
import { EnlargedPage } from './EnlargedPage.js';
import { LeaveConfirm } from './LeaveConfirm.js';
import { matterDocuments, matterTitle } from './matter-text.js';
import { PageThumbnails } from './PageThumbnails.js';
import { ScanPanel } from './ScanPanel.js';

/**
 * Scanning, one page at a time: what to do and the big "scan" button on one side, every page
 * scanned so far on the other (tap to enlarge, "remove"), then "done" or "back".
 */
export function ScanScreen({ flow }: { flow: ApplicationStep<'scan'> }) {
  const { client, store } = useKioskContext();
  const { language } = useKiosk();
  const t = useT();
  const { matter, pages, activity, enlarged, confirmLeave } = flow;
  const documents = matterDocuments(matter, language);
  const busy = activity !== undefined;
  const shown = enlarged === undefined ? undefined : pages.find((p) => p.pageNumber === enlarged);
  return (
    <main
      className="screen flow scan"
      data-testid="scan-screen"
      data-page-count={pages.length}
      aria-busy={busy}
    >
      <FlowHeader
        title={matterTitle(matter, language)}
        titleTestId="scan-matter"
        hint={documents ? t('application.documents', { hint: documents }) : undefined}
        back={{
          label: t('application.scan.back'),
          testId: 'scan-back',
          onBack: () => askToLeave(client, store, 'choose'),
          disabled: busy,
        }}
      />
      <div className="scan__body">
        <ScanPanel flow={flow} />
        <div className="scan__side">
          <PageThumbnails pages={pages} maxPages={matter.maxPages} busy={busy} />
          <button
            type="button"
            className="button button--primary button--large scan__done"
            data-testid="scan-done"
            disabled={busy || pages.length === 0}
            onClick={() => finishScanning(store)}
          >
            {t('application.scan.done')}
          </button>
        </div>
      </div>
      {shown && <EnlargedPage page={shown} />}
      {confirmLeave && <LeaveConfirm pages={pages.length} target={confirmLeave} />}
    </main>
  );
}
