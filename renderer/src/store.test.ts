// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { exposeDebugState } from './debug-state.js';
import { createKioskStore } from './store.js';
import { kioskState } from './test/fake-client.js';
import { pages, matter } from './test/application-fixtures.js';
import { preparedProof } from './test/proof-fixtures.js';

const identity = {
  cardType: 'residentId',
  maskedName: '张*',
  maskedIdNumber: '1101**********002X',
} as const;

function traces(text: string): string[] {
  return ['张', '1101', '002X', 'residentId', 'invalidIdNumber', 'my phone'].filter((t) =>
    text.includes(t),
  );
}

describe('KioskStore', () => {
  it('clearPerson() drops identity, failures, typed input and language; keeps the kiosk', () => {
    const store = createKioskStore();
    store.applyKioskState(kioskState());
    store.setLanguage('en');
    store.startSession(identity);
    store.showReadFailure('invalidIdNumber', 'clear');
    store.setDraft('phone', 'my phone');
    expect(traces(JSON.stringify(store.getSnapshot())).length).toBeGreaterThan(3);

    store.clearPerson();
    const after = store.getSnapshot();
    expect(traces(JSON.stringify(after))).toEqual([]);
    expect(after.screen).toBe('home');
    expect(after.language).toBe('zh-CN');
    expect(after.kiosk?.kioskId).toBe('FS-CHANCHENG-A');
  });

  it('restores a session from Kiosk.GetState, and clears one the core no longer has', () => {
    const store = createKioskStore();
    store.applyKioskState(kioskState({ session: { active: true, identity } }));
    expect(store.getSnapshot()).toMatchObject({ identity, screen: 'greeting' });
    store.applyKioskState(kioskState());
    expect(store.getSnapshot()).toMatchObject({ identity: undefined, screen: 'home' });
  });

  it('drops the proof flow with the person, and on a new card; keeps it across a reconnect', () => {
    const store = createKioskStore();
    const preview = { step: 'preview', proof: preparedProof(), page: 0 } as const;
    store.startSession(identity);
    store.setProofFlow(preview);
    store.applyKioskState(kioskState({ session: { active: true, identity } }));
    expect(store.getSnapshot().proof).toBe(preview);

    store.startSession({ ...identity, maskedName: '李*' });
    expect(store.getSnapshot().proof).toBeUndefined();

    store.setProofFlow(preview);
    store.clearPerson();
    expect(store.getSnapshot().proof).toBeUndefined();
    expect(JSON.stringify(store.getSnapshot())).not.toContain('/preview/');
  });

  it('drops the application flow and its page previews with the person, and on a new card', () => {
    const store = createKioskStore();
    const scan = {
      step: 'scan',
      matter: matter(),
      pages: pages(2),
      activity: undefined,
      enlarged: undefined,
      confirmLeave: undefined,
    } as const;
    store.startSession(identity);
    store.setApplicationFlow(scan);
    store.applyKioskState(kioskState({ session: { active: true, identity } }));
    expect(store.getSnapshot().application).toBe(scan);

    store.startSession({ ...identity, maskedName: '李*' });
    expect(store.getSnapshot().application).toBeUndefined();

    store.setApplicationFlow(scan);
    store.clearPerson();
    expect(JSON.stringify(store.getSnapshot())).not.toContain('/preview/');
  });

  it('keeps the newest catalogue, from Kiosk.GetState or Kiosk.CatalogueChanged', () => {
    const store = createKioskStore();
    const catalogue = (version: number) => ({ version, services: [] });
    store.setCatalogue(catalogue(1));
    expect(store.getSnapshot().kiosk).toBeUndefined();
    store.applyKioskState(kioskState({ catalogue: catalogue(2) }));
    store.setCatalogue(catalogue(4));
    store.applyKioskState(kioskState({ catalogue: catalogue(3) }));
    expect(store.getSnapshot().kiosk?.catalogue?.version).toBe(4);
    store.applyKioskState(kioskState());
    expect(store.getSnapshot().kiosk?.catalogue?.version).toBe(4);
    store.clearPerson();
    expect(store.getSnapshot().kiosk?.catalogue?.version).toBe(4);
  });

  it('dismisses only the read failure it was asked to', () => {
    const store = createKioskStore();
    store.showReadFailure('readFailed', 'reset');
    const first = store.getSnapshot().readFailure?.seq ?? -1;
    store.showReadFailure('readFailed', 'reset');
    store.dismissReadFailure(first);
    expect(store.getSnapshot().readFailure).toBeDefined();
  });

  it('applies device deltas and service lists', () => {
    const store = createKioskStore();
    store.applyKioskState(kioskState());
    store.applyDeviceDelta({
      id: 'idCardReader',
      deviceClass: 'idCardReader',
      changes: { state: 'offline', reason: 'portNotFound' },
    });
    store.setServices([{ service: 'printProof', available: false, reason: 'disabled' }]);
    const { kiosk } = store.getSnapshot();
    expect(kiosk?.devices[0]).toMatchObject({ state: 'offline', reason: 'portNotFound' });
    expect(kiosk?.services).toHaveLength(1);
  });

  it('exposes its snapshot as JSON for the end-to-end tests', () => {
    const store = createKioskStore();
    exposeDebugState(store);
    store.startSession(identity);
    expect(window.__kioskDebugState?.()).toContain('张*');
    store.clearPerson();
    expect(traces(window.__kioskDebugState?.() ?? '张')).toEqual([]);
  });
});
