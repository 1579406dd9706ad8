import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApplicationFlowScreen } from './application/ApplicationFlowScreen.js';
import { applicationBusy } from './application/application-busy.js';
import { ConnectionBanner } from './components/ConnectionBanner.js';
import { Greeting } from './components/Greeting.js';
import { Home } from './components/Home.js';
import { Masthead } from './components/Masthead.js';
import { ReadFailedNotice } from './components/ReadFailedNotice.js';
import { ProofFlowScreen } from './proof/ProofFlowScreen.js';
import { StillThereDialog } from './components/StillThereDialog.js';
import { DEFAULT_UI_TIMEOUTS, realClock, type Clock } from './idle-timer.js';
import { createKioskStore, type KioskStore } from './store.js';
import { bindClient, endSession, type KioskClientLike } from './sync.js';
import { useIdleTimeout } from './use-idle-timeout.js';
import { KioskContext, useKiosk, useKioskContext, useT } from './use-kiosk.js';

/** App's inputs: the client (real or fake), and optionally the store and clock to use. */
export interface AppProps {
  client: KioskClientLike;
  store?: KioskStore;
  clock?: Clock;
}

/** The kiosk's citizen UI, driven entirely by `client`. */
export function App({ client, store: givenStore, clock = realClock }: AppProps) {
  const [store] = useState(() => givenStore ?? createKioskStore());
  useEffect(() => bindClient(client, store, globalThis.navigator?.mediaDevices), [client, store]);
  const context = useMemo(() => ({ client, store, clock }), [client, store, clock]);
  return (
    <KioskContext.Provider value={context}>
      <Screens />
    </KioskContext.Provider>
  );
}

function Screens() {
  const { client, store, clock } = useKioskContext();
  const { identity, screen, language, kiosk, proof, application } = useKiosk();
  const t = useT();
  const title = t('app.title');
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = title;
  }, [language, title]);

  const onExpire = useCallback(() => endSession(client, store, 'idleTimeout'), [client, store]);
  const timeouts = kiosk?.uiTimeouts ?? DEFAULT_UI_TIMEOUTS;
  // While the kiosk itself works (fetching, printing, scanning, submitting), the citizen is
  // waiting, not idle.
  const kioskBusy =
    proof?.step === 'preparing' || proof?.step === 'printing' || applicationBusy(application);
  const idle = useIdleTimeout(identity !== undefined && !kioskBusy, timeouts, clock, onExpire);
  const greeting = screen === 'greeting' && identity;

  return (
    <div className="app">
      <ConnectionBanner />
      <Masthead titleTestId={greeting ? undefined : 'home-title'} />
      {!greeting ? (
        <Home />
      ) : proof ? (
        <ProofFlowScreen flow={proof} />
      ) : application ? (
        <ApplicationFlowScreen flow={application} />
      ) : (
        <Greeting identity={identity} />
      )}
      <ReadFailedNotice />
      {idle.status.phase === 'countdown' && (
        <StillThereDialog seconds={idle.status.secondsLeft} onContinue={idle.stillHere} />
      )}
    </div>
  );
}
