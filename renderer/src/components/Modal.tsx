import type { ReactNode } from 'react';

/** A modal box's role, look and labels; `data-*` attributes go onto the box. */
export type ModalProps = {
  /** "alertdialog" for a question or warning that needs an answer; "dialog" otherwise. */
  role: 'dialog' | 'alertdialog';
  /** The box's class (its look). */
  className: string;
  /** The box's test id. */
  testId: string;
  /** The box's name for screen readers, when no element of it says it. */
  'aria-label'?: string;
  /** The id of the element that names the box. */
  'aria-labelledby'?: string;
  /** The id of the element that describes the box. */
  'aria-describedby'?: string;
  /** The box's content. */
  children: ReactNode;
} & { [data: `data-${string}`]: string | number };

/** A box over the dimmed screen that holds the citizen until they answer it. */
export function Modal({
  role,
  className,
  testId,
  'aria-label': label,
  'aria-labelledby': labelledBy,
  'aria-describedby': describedBy,
  children,
  ...data
}: ModalProps) {
  return (
    <div className="overlay">
      <div
        className={className}
        role={role}
        aria-modal="true"
        aria-label={label}
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        data-testid={testId}
        {...data}
      >
        {children}
      </div>
    </div>
  );
}
