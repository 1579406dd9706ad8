import { z } from 'zod';

/**
 * A same-origin URL of a page image (PNG) the core serves for the current session only:
 * `/preview/<unguessable token>/<page>.png`. Proof previews and scanned pages use it.
 */
export const PreviewUrl = z.string().regex(/^\/preview\/[A-Za-z0-9_-]{16,64}\/\d{1,2}\.png$/);
