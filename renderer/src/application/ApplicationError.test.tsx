// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FailedResult } from '../flow/failed-command.js';
import { LANGUAGES, translator, type Language } from '../i18n/index.js';
import { catalogue, matter, pages } from '../test/application-fixtures.js';
import { failed, succeeded } from '../test/fake-client.js';
import { identity, renderApp, tap } from '../test/render-app.js';
import { APPLICATION_FAILURE_KINDS } from './application-failure.js';

afterEach(cleanup);

type Kind = (typeof APPLICATION_FAILURE_KINDS)[number];
type BackLabel = 'back' | 'chooseAgain' | 'backToServices' | 'finish';
type Row = [
  phase: 'scan' | 'remove' | 'submit',
  code: string,
  message: Kind,
  retry: boolean,
  back: BackLabel,
  landsOn: string,
];

// What the citizen did, the code on the screen (the core's errorCode, else the completion code,
// else "connectionLost"), the message they read, whether "try again" is offered, what "back"
// says and the screen it leads to.
const rows: Row[] = [
  ['scan', 'noSession', 'noSession', false, 'finish', 'home'],
  ['scan', 'scannerNotReady', 'scannerNotReady', true, 'back', 'scan-screen'],
  ['scan', 'noDocument', 'noDocument', true, 'back', 'scan-screen'],
  ['scan', 'scanFailed', 'scanFailed', true, 'back', 'scan-screen'],
  ['scan', 'paperJam', 'scanFailed', true, 'back', 'scan-screen'],
  ['scan', 'tooManyPages', 'tooManyPages', false, 'back', 'scan-screen'],
  ['submit', 'noPages', 'noPages', false, 'back', 'scan-screen'],
  ['submit', 'unknownMatter', 'unknownMatter', false, 'chooseAgain', 'matter-chooser'],
  ['submit', 'storageFull', 'storageFull', false, 'backToServices', 'greeting'],
  ['submit', 'queueFull', 'queueFull', true, 'back', 'application-review'],
  ['submit', 'saveFailed', 'saveFailed', true, 'back', 'application-review'],
  ['scan', 'connectionLost', 'connection', true, 'back', 'scan-screen'],
  ['remove', 'connectionLost', 'connection', true, 'back', 'scan-screen'],
  ['submit', 'connectionLost', 'submitUnknown', false, 'finish', 'home'],
  ['submit', 'timeOut', 'submitUnknown', false, 'finish', 'home'],
  ['scan', 'unsupportedCommand', 'unavailable', false, 'backToServices', 'greeting'],
  ['submit', 'internalError', 'generic', true, 'back', 'application-review'],
];

/** How the core (or the connection) says `code`. */
function resultOf(code: string): FailedResult {
  if (code === 'connectionLost') return { kind: 'lost', reason: 'disconnected' };
  // Failures of the command machinery carry no errorCode, only the completion code.
  if (['timeOut', 'unsupportedCommand', 'internalError'].includes(code)) {
    return failed(code as 'timeOut');
  }
  if (code === 'paperJam') return failed('hardwareError', code, 'maintenance');
  return failed('commandErrorCode', code, 'clear');
}

/** Drives the flow to the failure of `row` with the screen in `language`. */
async function failWith([phase, code]: Row, language: Language) {
  const { client } = await renderApp({ catalogue: catalogue({ matters: [matter()] }) });
  act(() => client.emit('IdCard.CardInserted', { identity }));
  await tap(`lang-${language}`);
  await tap('start-scanDocuments');
  await tap('matter-residence-permit');
  client.answer('Application.ScanPage', succeeded({ pages: pages(1) }));
  await tap('scan-page');
  if (phase === 'scan') {
    client.answer('Application.ScanPage', resultOf(code));
    await tap('scan-page');
  } else if (phase === 'remove') {
    client.answer('Application.RemovePage', resultOf(code));
    await tap('remove-page-1');
  } else {
    client.answer('Application.Submit', resultOf(code));
    await tap('scan-done');
    await tap('submit-application');
  }
  return client;
}

describe.each(LANGUAGES)('application errors in %s', (language) => {
  const t = translator(language);
  it.each(rows)('%s: %s → %s', async (...row) => {
    const [, code, message, retry, back, landsOn] = row;
    await failWith(row, language);
    const error = screen.getByTestId('application-error');
    expect(error.dataset.errorCode).toBe(code);
    expect(screen.getByTestId('application-error-message').textContent).toBe(
      t(`application.error.${message}.message`, { max: 5 }),
    );
    expect(screen.getByTestId('application-error-hint').textContent).toBe(
      t(`application.error.${message}.hint`),
    );
    if (language === 'en') expect(error.textContent).not.toMatch(/[\u4e00-\u9fff]/);
    expect(screen.queryByTestId('application-error-retry') !== null).toBe(retry);
    expect(screen.getByTestId('application-error-back').textContent).toBe(
      t(`application.error.${back}`),
    );
    await tap('application-error-back');
    expect(screen.getByTestId(landsOn)).toBeTruthy();
  });

  it('has a message of its own for every kind of failure', () => {
    const texts = new Set(
      APPLICATION_FAILURE_KINDS.map((k) => t(`application.error.${k}.message`)),
    );
    expect(texts.size).toBe(APPLICATION_FAILURE_KINDS.length);
  });
});

describe('leaving the application from a failure', () => {
  it('discards the pages when "back" leaves the application', async () => {
    const client = await failWith(rows[8] as Row, 'zh-CN');
    await tap('application-error-back');
    expect(client.sentNames()).toContain('Application.Discard');
  });

  it('keeps them when "back" returns to the scan screen', async () => {
    const client = await failWith(rows[2] as Row, 'zh-CN');
    await tap('application-error-back');
    expect(client.sentNames()).not.toContain('Application.Discard');
  });
});
