import type { DeviceSimulator } from './device-simulator.js';

/** A bad control request (unknown fault, invalid card …): HTTP 400, CLI message. */
export class SimControlError extends Error {
  constructor(
    /** Machine-readable code, e.g. "unknownFault", "invalidCard". */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** HTTP methods a control action answers. */
export type ControlMethod = 'POST' | 'DELETE';

/** One control action of a simulator: takes the JSON body (or undefined), returns JSON. */
export type ControlAction = (body: unknown) => unknown;

/**
 * One simulated device as sim-host, the control API, the sim CLI and scenario files drive it.
 * The same action table serves `POST /<key>/<action>`, the CLI's `<action> [json]` and a
 * scenario step `{ "action": …, "body": … }`, so there is one way to drive each simulator.
 */
export interface SimulatedDevice {
  /** Short name in URLs and on the CLI, e.g. "idcard", "printer". */
  readonly key: string;
  /** The core's device id, and the key of its port in sim-host's ready line. */
  readonly deviceId: string;
  /** The device side of the protocol. */
  readonly sim: DeviceSimulator;
  /** Baud rate the simulator paces at (for its serial end). */
  readonly baudRate: number;
  /** Control actions by name and method; "fault" is added for every device. */
  readonly actions: Readonly<Record<string, Partial<Record<ControlMethod, ControlAction>>>>;
  /** JSON status for GET /status and the CLI (no personal data). */
  status(): Record<string, unknown>;
}

/** The fault action every simulated device has: `{"fault": name | null}`. */
export function faultAction(sim: DeviceSimulator): ControlAction {
  return (body) => {
    const fault = (body as { fault?: unknown } | undefined)?.fault;
    if (fault !== null && (typeof fault !== 'string' || !Object.hasOwn(sim.faults, fault))) {
      const allowed = Object.keys(sim.faults).join(', ');
      throw new SimControlError('unknownFault', `want {"fault": null} or one of: ${allowed}`);
    }
    sim.setFault(fault);
    return { ok: true, fault };
  };
}

/** Runs `action` of `device` with `method` and `body`; throws SimControlError or a 404/405. */
export function runControlAction(
  device: SimulatedDevice,
  action: string,
  method: string,
  body: unknown,
): unknown {
  if (action === 'fault') {
    if (method !== 'POST') throw new SimRouteError(405, `${method} /${device.key}/fault`);
    return faultAction(device.sim)(body);
  }
  const handlers = device.actions[action];
  if (handlers === undefined) throw new SimRouteError(404, `no action ${device.key}/${action}`);
  const handler = handlers[method as ControlMethod];
  if (handler === undefined) throw new SimRouteError(405, `${method} /${device.key}/${action}`);
  return handler(body);
}

/** A control request for a route or method that does not exist. */
export class SimRouteError extends Error {
  constructor(
    /** 404 or 405. */
    readonly status: 404 | 405,
    message: string,
  ) {
    super(message);
  }
}
