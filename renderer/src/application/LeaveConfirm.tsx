import { AlertDialog } from '../components/AlertDialog.js';
import { useKioskContext, useT } from '../use-kiosk.js';
import { leaveApplication, stayInApplication } from './application-actions.js';
import type { LeaveTarget } from './application-flow.js';

/** "Leave without sending?": the scanned pages will be deleted; "delete and leave" or "stay". */
export function LeaveConfirm({ pages, target }: { pages: number; target: LeaveTarget }) {
  const { client, store } = useKioskContext();
  const t = useT();
  return (
    <AlertDialog
      idPrefix="leave"
      testId="leave-dialog"
      title={t('application.leave.title')}
      message={t('application.leave.message', { pages })}
    >
      <div className="result__actions">
        <button
          type="button"
          className="button button--secondary button--large"
          data-testid="leave-confirm"
          onClick={() => leaveApplication(client, store, target)}
        >
          {t('application.leave.confirm')}
        </button>
        <button
          type="button"
          className="button button--primary button--large"
          data-testid="leave-stay"
          autoFocus
          onClick={() => stayInApplication(store)}
        >
          {t('application.leave.stay')}
        </button>
      </div>
    </AlertDialog>
  );
}
