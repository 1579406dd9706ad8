import { randomBytes } from 'node:crypto';

/**
 * Page images of proofs prepared in the current session, served at unguessable same-origin URLs
 * (`/preview/<token>/<page>.png`). They show personal data, so they live in memory only and are
 * dropped when the session ends.
 */
export class PreviewStore {
  private readonly sets = new Map<string, readonly Uint8Array[]>();

  /** Keeps the pages; returns their URLs, page 1 first. */
  add(pages: readonly Uint8Array[]): string[] {
    const token = randomBytes(18).toString('base64url');
    this.sets.set(token, pages);
    return pages.map((_, index) => `/preview/${token}/${index + 1}.png`);
  }

  /** The image at a preview URL path, if it exists. */
  get(pathname: string): { type: string; body: Uint8Array } | undefined {
    const match = /^\/preview\/([A-Za-z0-9_-]{16,64})\/(\d{1,2})\.png$/.exec(pathname);
    if (!match) return undefined;
    const body = this.sets.get(match[1] ?? '')?.[Number(match[2]) - 1];
    return body ? { type: 'image/png', body } : undefined;
  }

  /** Forgets the previews behind these URLs (e.g. a page the citizen removed). */
  drop(urls: readonly string[]): void {
    for (const url of urls) {
      const token = /^\/preview\/([A-Za-z0-9_-]{16,64})\//.exec(url)?.[1];
      if (token !== undefined) this.sets.delete(token);
    }
  }

  /** Forgets every preview (end of session). */
  clear(): void {
    this.sets.clear();
  }
}
