import type { ApplicationPage } from '../../../contract/index.js';
import { Modal } from '../components/Modal.js';
import { useKioskContext, useT } from '../use-kiosk.js';
import { enlargePage, removePage } from './application-actions.js';

/** One scanned page as large as the screen allows, with "remove this page" and "close". */
export function EnlargedPage({ page }: { page: ApplicationPage }) {
  const { client, store } = useKioskContext();
  const t = useT();
  const label = t('application.scan.page', { page: page.pageNumber });
  return (
    <Modal
      role="dialog"
      className="enlarged"
      testId="page-enlarged"
      aria-label={label}
      data-page={page.pageNumber}
    >
      <img className="enlarged__image" src={page.previewUrl} alt={label} draggable={false} />
      <div className="enlarged__bar">
        <span className="enlarged__label">{label}</span>
        <button
          type="button"
          className="button button--secondary button--large"
          data-testid="page-enlarged-remove"
          onClick={() => void removePage(client, store, page.pageNumber)}
        >
          {t('application.enlarged.remove')}
        </button>
        <button
          type="button"
          className="button button--primary button--large"
          data-testid="page-enlarged-close"
          autoFocus
          onClick={() => enlargePage(store, undefined)}
        >
          {t('application.enlarged.close')}
        </button>
      </div>
    </Modal>
  );
}
