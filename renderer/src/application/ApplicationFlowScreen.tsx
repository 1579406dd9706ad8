import type { ApplicationFlow } from './application-flow.js';
import { ApplicationDone } from './ApplicationDone.js';
import { ApplicationError } from './ApplicationError.js';
import { ApplicationReview } from './ApplicationReview.js';
import { MatterChooser } from './MatterChooser.js';
import { ScanScreen } from './ScanScreen.js';
import { SubmitProgress } from './SubmitProgress.js';

/** The screen of the "scan documents for an application" flow's current step. */
export function ApplicationFlowScreen({ flow }: { flow: ApplicationFlow }) {
  switch (flow.step) {
    case 'choose':
      return <MatterChooser />;
    case 'scan':
      return <ScanScreen flow={flow} />;
    case 'review':
      return <ApplicationReview flow={flow} />;
    case 'submitting':
      return <SubmitProgress stage={flow.stage} />;
    case 'done':
      return <ApplicationDone flow={flow} />;
    case 'error':
      return <ApplicationError flow={flow} />;
  }
}
