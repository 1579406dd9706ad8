import { contextBridge } from 'electron';
import { exposeKioskHost } from './preload-args.js';

// Runs sandboxed in the renderer, bundled to dist/main/preload.cjs. No ipcRenderer, ever.
exposeKioskHost(contextBridge, process.argv);
