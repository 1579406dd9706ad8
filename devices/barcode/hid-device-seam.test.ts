import { describe, expect, it } from 'vitest';
import { nodeHidFactory } from './hid-device-seam.js';
import { openHidScanner } from './hid-transport.js';

/* The real node-hid boundary, as far as a machine without HID devices can exercise it. */
describe('nodeHidFactory (real node-hid)', () => {
  it('loads node-hid and lists devices as plain infos', async () => {
    const devices = await nodeHidFactory.list();
    expect(Array.isArray(devices)).toBe(true);
    for (const d of devices) expect(typeof d.path).toBe('string');
  });

  it('rejects opening a path that does not exist', async () => {
    await expect(nodeHidFactory.open('/dev/hidraw-kiosk-missing')).rejects.toBeInstanceOf(Error);
  });

  it('reports an absent scanner as portNotFound (the scanner maps it to noDevice)', async () => {
    await expect(
      openHidScanner(nodeHidFactory, { vendorId: 0xffff, productId: 0xfffe }),
    ).rejects.toMatchObject({ code: 'portNotFound' });
  });
});
