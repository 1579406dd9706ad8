import type { ProofFlow } from './proof-flow.js';
import { PrintDone } from './PrintDone.js';
import { PrintError } from './PrintError.js';
import { PrintProgress } from './PrintProgress.js';
import { ProofChooser } from './ProofChooser.js';
import { ProofPreparing } from './ProofPreparing.js';
import { ProofPreview } from './ProofPreview.js';

/** The screen of the "print a proof" flow's current step. */
export function ProofFlowScreen({ flow }: { flow: ProofFlow }) {
  switch (flow.step) {
    case 'choose':
      return <ProofChooser />;
    case 'preparing':
      return <ProofPreparing type={flow.type} />;
    case 'preview':
      return <ProofPreview flow={flow} />;
    case 'printing':
      return <PrintProgress stage={flow.stage} />;
    case 'done':
      return <PrintDone receiptPrinted={flow.receiptPrinted} />;
    case 'error':
      return <PrintError flow={flow} />;
  }
}
