import type { ReactNode } from 'react';
import { Modal } from './Modal.js';

/**
 * A modal question or warning: a title, maybe something shown large (`figure`), a message, then
 * its buttons (`children`). The title and message have the ids `<idPrefix>-title` and
 * `<idPrefix>-message`, by which screen readers announce the dialog.
 */
export function AlertDialog({
  idPrefix,
  testId,
  title,
  figure,
  message,
  children,
}: {
  idPrefix: string;
  testId: string;
  title: string;
  figure?: ReactNode;
  message: string;
  children: ReactNode;
}) {
  return (
    <Modal
      role="alertdialog"
      className="dialog"
      testId={testId}
      aria-labelledby={`${idPrefix}-title`}
      aria-describedby={`${idPrefix}-message`}
    >
      <h2 className="dialog__title" id={`${idPrefix}-title`}>
        {title}
      </h2>
      {figure}
      <p className="dialog__message" id={`${idPrefix}-message`}>
        {message}
      </p>
      {children}
    </Modal>
  );
}
