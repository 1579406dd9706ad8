import { describe, expect, it } from 'vitest';
import { CoreSupervisor, type CoreState, type SupervisorTiming } from './core-supervisor.js';
import { FakeClock } from './testing/fake-clock.js';
import { FakeElectron } from './testing/fake-electron.js';
import { FakeLog } from './testing/fake-log.js';
import { endpointOn } from './testing/fixtures.js';

function setup(timing: Partial<SupervisorTiming> = {}) {
  const clock = new FakeClock();
  const log = new FakeLog();
  const electron = new FakeElectron();
  const states: CoreState[] = [];
  const supervisor = new CoreSupervisor({
    spawn: () => electron.forkProcess('/app/dist/core/kiosk-core.js', {}),
    clock,
    log,
    onState: (state) => states.push(state),
    timing,
  });
  const child = () => {
    const current = electron.child;
    if (!current) throw new Error('no core started');
    return current;
  };
  const kinds = () => states.map((state) => state.kind);
  return { clock, log, electron, states, supervisor, child, kinds };
}

describe('CoreSupervisor', () => {
  it('starts the core and reports ready with its endpoint', () => {
    const { supervisor, child, states } = setup();
    supervisor.start();
    expect(supervisor.state).toEqual({ kind: 'starting', attempt: 1 });
    child().stdout('{"level":30,"msg":"core.config.loaded"}\n{"level":30,"msg":"core.re');
    expect(supervisor.state.kind).toBe('starting');
    child().stdout('ady","port":8787,"url":"http://127.0.0.1:8787/"}\n');
    expect(states.at(-1)).toEqual({ kind: 'ready', endpoint: endpointOn(8787) });
  });

  it("forwards the core's JSON lines unchanged and masks its plain text", () => {
    const { supervisor, child, log } = setup();
    supervisor.start();
    child().stdout('{"level":30,"msg":"ws.connection.open"}\nplain 11010519491231002X\n');
    child().stderr('Error: card 11010519491231002X\n');
    expect(log.entries).toContainEqual({
      level: 'forward',
      msg: '{"level":30,"msg":"ws.connection.open"}',
    });
    const text = JSON.stringify(log.entries);
    expect(text).not.toContain('11010519491231002X');
    expect(text).toContain('1101**********002X');
    expect(log.messages()).toContain('core.stderr');
  });

  it('ignores a ready line that points anywhere but loopback', () => {
    const { supervisor, child, log } = setup();
    supervisor.start();
    child().stdout('{"msg":"core.ready","port":80,"url":"http://example.com:80/"}\n');
    expect(supervisor.state.kind).toBe('starting');
    expect(log.messages()).toContain('core.ready.invalid');
  });

  it('kills a core that never gets ready and restarts it as a crash', () => {
    const { supervisor, child, clock, electron, log } = setup({ startTimeoutMs: 10_000 });
    supervisor.start();
    clock.advance(10_000);
    expect(log.messages()).toContain('core.start.timeout');
    expect(child().terminated).toBe(1);
    clock.advance(5_000);
    expect(child().killed).toBe(1);
    // A core that handles SIGTERM exits 0, but a timeout is still a failure.
    child().exit(0);
    expect(supervisor.state).toEqual({ kind: 'restarting', delayMs: 500, recentCrashes: 1 });
    clock.advance(500);
    expect(electron.children).toHaveLength(2);
  });

  it('restarts after a crash with exponential backoff up to the cap', () => {
    const { supervisor, child, clock, states } = setup({
      crashLoopCount: 100,
      maxBackoffMs: 4_000,
    });
    supervisor.start();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      child().ready(8787);
      child().exit(1);
      const state = states.at(-1);
      if (state?.kind !== 'restarting') throw new Error(`unexpected ${state?.kind}`);
      delays.push(state.delayMs);
      clock.advance(state.delayMs);
    }
    expect(delays).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000]);
  });

  it('resets the backoff after a stable run', () => {
    const { supervisor, child, clock } = setup();
    supervisor.start();
    child().exit(1);
    clock.advance(500);
    child().exit(null);
    clock.advance(1_000);
    child().ready(8787);
    clock.advance(60_000);
    child().exit(1);
    expect(supervisor.state).toMatchObject({ kind: 'restarting', delayMs: 500 });
  });

  it('stops restarting after 5 crashes within a minute, then tries again much later', () => {
    const { supervisor, child, clock, electron, log } = setup({ crashLoopRetryMs: 600_000 });
    supervisor.start();
    for (let i = 0; i < 4; i++) {
      child().exit(1);
      clock.advance(10_000);
    }
    expect(electron.children).toHaveLength(5);
    child().exit(1);
    expect(supervisor.state).toEqual({ kind: 'crashLoop', recentCrashes: 5, retryInMs: 600_000 });
    expect(log.messages()).toContain('core.crashLoop');
    clock.advance(599_999);
    expect(electron.children).toHaveLength(5);
    clock.advance(1);
    expect(electron.children).toHaveLength(6);
    // The slate is clean: the next crash restarts quickly again.
    child().exit(1);
    expect(supervisor.state).toMatchObject({ kind: 'restarting', delayMs: 500, recentCrashes: 1 });
  });

  it('stays in the crash loop for good when no retry is configured', () => {
    const { supervisor, child, clock, electron } = setup({ crashLoopRetryMs: undefined });
    supervisor.start();
    for (let i = 0; i < 5; i++) {
      child().exit(1);
      clock.advance(5_000);
    }
    clock.advance(24 * 3_600_000);
    expect(electron.children).toHaveLength(5);
    expect(supervisor.state.kind).toBe('crashLoop');
  });

  it('does not call crashes spread over more than a minute a loop', () => {
    const { supervisor, child, clock } = setup();
    supervisor.start();
    for (let i = 0; i < 8; i++) {
      child().ready(8787);
      clock.advance(20_000);
      child().exit(1);
      clock.advance(1_000);
    }
    expect(supervisor.state.kind).not.toBe('crashLoop');
  });

  it('counts a spawn that throws as a crash', () => {
    const clock = new FakeClock();
    const states: CoreState[] = [];
    const supervisor = new CoreSupervisor({
      spawn: () => {
        throw new Error('ENOENT kiosk-core.js');
      },
      clock,
      log: new FakeLog(),
      onState: (state) => states.push(state),
    });
    supervisor.start();
    expect(supervisor.state).toMatchObject({ kind: 'restarting', delayMs: 500 });
  });

  it('stops the core gracefully: SIGTERM, then resolves when it exits', async () => {
    const { supervisor, child, kinds } = setup();
    supervisor.start();
    child().ready(8787);
    const stopped = supervisor.stop();
    expect(child().terminated).toBe(1);
    expect(supervisor.state.kind).toBe('stopping');
    child().exit(0);
    await stopped;
    expect(child().killed).toBe(0);
    expect(kinds()).toEqual(['starting', 'ready', 'stopping', 'stopped']);
    expect(supervisor.state).toEqual({ kind: 'stopped', reason: 'requested' });
  });

  it('kills a core that ignores SIGTERM after the grace period', async () => {
    const { supervisor, child, clock } = setup({ stopGraceMs: 3_000 });
    supervisor.start();
    const stopped = supervisor.stop();
    clock.advance(2_999);
    expect(child().killed).toBe(0);
    clock.advance(1);
    expect(child().killed).toBe(1);
    child().exit(null);
    await stopped;
    expect(supervisor.state).toEqual({ kind: 'stopped', reason: 'requested' });
  });

  it('does not hang the quit when the core never reports its exit', async () => {
    const { supervisor, clock, log } = setup({ stopGraceMs: 1_000 });
    supervisor.start();
    const stopped = supervisor.stop();
    clock.advance(2_000);
    await stopped;
    expect(log.messages()).toContain('core.stop.noExit');
  });

  it('cancels a pending restart when stopped', async () => {
    const { supervisor, child, clock, electron } = setup();
    supervisor.start();
    child().exit(1);
    await supervisor.stop();
    clock.advance(60_000);
    expect(electron.children).toHaveLength(1);
    expect(supervisor.state.kind).toBe('stopped');
    expect(clock.pending).toBe(0);
  });

  it('treats a clean exit it did not ask for as the core stopping for good', () => {
    const { supervisor, child, clock, electron } = setup();
    supervisor.start();
    child().ready(8787);
    child().exit(0);
    clock.advance(60_000);
    expect(supervisor.state).toEqual({ kind: 'stopped', reason: 'coreExitedCleanly' });
    expect(electron.children).toHaveLength(1);
  });
});
