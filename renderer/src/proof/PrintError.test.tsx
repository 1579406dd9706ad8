// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProofType } from '../../../contract/index.js';
import type { FailedResult } from '../flow/failed-command.js';
import { LANGUAGES, translator } from '../i18n/index.js';
import { failed, succeeded } from '../test/fake-client.js';
import { preparedProof } from '../test/proof-fixtures.js';
import { identity, renderApp, tap } from '../test/render-app.js';
import { FAILURE_KINDS } from './proof-failure.js';

afterEach(cleanup);

type MessageKey = (typeof FAILURE_KINDS)[number] | 'notEligibleNoHousing';
type Row = [
  phase: 'prepare' | 'print',
  type: ProofType,
  code: string,
  message: MessageKey,
  retry: boolean,
];

// What the citizen did, the proof, the code on the screen (the core's errorCode, else the
// completion code, else "connectionLost"), the message they must read, and whether "try again"
// is offered.
const rows: Row[] = [
  ['prepare', 'taxPaid', 'noRecord', 'noRecord', false],
  ['prepare', 'noHousing', 'notEligible', 'notEligibleNoHousing', false],
  ['prepare', 'taxPaid', 'notEligible', 'notEligible', false],
  ['print', 'noHousing', 'alreadyPrinted', 'alreadyPrinted', false],
  ['prepare', 'socialInsurance', 'platformUnreachable', 'network', true],
  ['prepare', 'socialInsurance', 'platformTimeout', 'network', true],
  ['prepare', 'socialInsurance', 'timeOut', 'network', true],
  ['prepare', 'taxPaid', 'proofSignatureInvalid', 'signature', false],
  ['prepare', 'taxPaid', 'unknownKey', 'signature', false],
  ['print', 'noHousing', 'noDocumentPrinter', 'printer', false],
  ['print', 'noHousing', 'deviceNotReady', 'printer', false],
  ['print', 'noHousing', 'mediaEmpty', 'printer', false],
  ['print', 'noHousing', 'printerStopped', 'printer', false],
  ['print', 'noHousing', 'fuserOverheated', 'printer', false],
  ['prepare', 'noHousing', 'missingGlyphs', 'missingGlyphs', false],
  ['print', 'taxPaid', 'notPrepared', 'startAgain', false],
  ['prepare', 'taxPaid', 'sequenceError', 'startAgain', false],
  ['prepare', 'taxPaid', 'previewFailed', 'generic', true],
  ['prepare', 'taxPaid', 'connectionLost', 'generic', true],
  ['print', 'taxPaid', 'connectionLost', 'generic', true],
];

/** How the core (or the connection) says `code`. */
function resultOf(code: string): FailedResult {
  if (code === 'connectionLost') return { kind: 'lost', reason: 'disconnected' };
  // Failures the command machinery reports carry no errorCode, only the completion code.
  if (code === 'timeOut' || code === 'sequenceError') return failed(code);
  return failed('commandErrorCode', code, 'maintenance');
}

/** Drives the flow to the failure of `c` with the screen in `language`. */
async function failWith(
  [phase, type, code]: Row,
  language: (typeof LANGUAGES)[number],
): Promise<void> {
  const { client } = await renderApp();
  act(() => client.emit('IdCard.CardInserted', { identity }));
  await tap(`lang-${language}`);
  await tap('start-printProof');
  if (phase === 'prepare') {
    client.answer('Proof.Prepare', resultOf(code));
    await tap(`proof-choice-${type}`);
  } else {
    client.answer('Proof.Prepare', succeeded(preparedProof({ type })));
    client.answer('Proof.Print', resultOf(code));
    await tap(`proof-choice-${type}`);
    await tap('proof-print');
  }
}

describe.each(LANGUAGES)('proof errors in %s', (language) => {
  const t = translator(language);
  it.each(rows)('%s %s: %s → %s', async (...row) => {
    const [, , code, message, retry] = row;
    await failWith(row, language);
    const error = screen.getByTestId('print-error');
    expect(error.dataset.errorCode).toBe(code);
    expect(screen.getByTestId('print-error-message').textContent).toBe(
      t(`proof.error.${message}.message`),
    );
    expect(screen.getByTestId('print-error-hint').textContent).toBe(
      t(`proof.error.${message}.hint`),
    );
    if (language === 'en') expect(error.textContent).not.toMatch(/[\u4e00-\u9fff]/);
    expect(screen.getByTestId('print-error-back')).toBeTruthy();
    expect(screen.queryByTestId('print-error-retry') !== null).toBe(retry);
  });

  it('has a message of its own for every kind of failure', () => {
    const keys: MessageKey[] = [...FAILURE_KINDS, 'notEligibleNoHousing'];
    const texts = new Set(keys.map((k) => t(`proof.error.${k}.message`)));
    expect(texts.size).toBe(keys.length);
  });
});
