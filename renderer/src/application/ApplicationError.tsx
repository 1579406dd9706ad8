import { FailureScreen } from '../flow/FailureScreen.js';
import { useKioskContext, useT } from '../use-kiosk.js';
import { leaveFailure, retryApplication } from './application-actions.js';
import type { FailureExit } from './application-failure.js';
import type { ApplicationStep } from './application-flow.js';

// What "back" says, by where it leads.
const BACK_LABEL: Record<FailureExit, 'back' | 'chooseAgain' | 'backToServices' | 'finish'> = {
  scan: 'back',
  review: 'back',
  choose: 'chooseAgain',
  greeting: 'backToServices',
  finish: 'finish',
};

/** Why the scan, removal or submission failed, what to do, "back" and maybe "try again". */
export function ApplicationError({ flow }: { flow: ApplicationStep<'error'> }) {
  const { client, store } = useKioskContext();
  const t = useT();
  const retry = flow.retry;
  const values = { max: flow.matter.maxPages };
  return (
    <FailureScreen
      testId="application-error"
      errorCode={flow.errorCode}
      message={t(`application.error.${flow.kind}.message`, values)}
      hint={t(`application.error.${flow.kind}.hint`, values)}
      backLabel={t(`application.error.${BACK_LABEL[flow.exit]}`)}
      onBack={() => leaveFailure(client, store)}
      retryLabel={t('application.error.retry')}
      onRetry={retry && (() => retryApplication(client, store, retry))}
    />
  );
}
