import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { KioskClient } from '../../contract/index.js';
import { App } from './App.js';
import { readConnectionInfo, sameHostWsUrl } from './connection-info.js';
import { exposeDebugState } from './debug-state.js';
import { createKioskStore } from './store.js';
import './styles.css';
import './proof/proof-flow.css';
import './application/application-flow.css';

// The page runs under `script-src 'self'`: stop zod probing for eval-compiled parsers.
z.config({ jitless: true });

const info = readConnectionInfo(window);
if (!info) console.error('kiosk: no connection token (window.kioskHost or #token=…)');

const client = new KioskClient({
  url: info?.wsUrl ?? sameHostWsUrl(window.location),
  // Without a token the core refuses the socket and the page shows "reconnecting" to staff.
  token: info?.token ?? '',
  createSocket: (url, protocols) => new WebSocket(url, protocols),
  onProtocolError: (description) => console.error(`kiosk: protocol error: ${description}`),
});
const store = createKioskStore();
exposeDebugState(store);
client.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App client={client} store={store} />
  </StrictMode>,
);
