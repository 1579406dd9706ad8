import type { ApplicationPage } from '../../contract/index.js';
import type { PreviewStore } from '../preview-store.js';

/** Pages an application may hold at most, whatever the matter (the contract's limit). */
export const MAX_APPLICATION_PAGES = 20;

interface DraftPage {
  /** The scanned image (PNG). PERSONAL DATA: memory only, dropped with the draft. */
  image: Uint8Array;
  /** Where the screen shows it. */
  previewUrl: string;
}

/**
 * The application a citizen is putting together: scanned pages in memory (never on disk until
 * submitted, when they are sealed into the outbox), each with a session-only preview URL. One per
 * core, because one person uses the kiosk at a time; `clear` ends it with the session.
 */
export class ApplicationDraft {
  private pages: DraftPage[] = [];

  constructor(private readonly previews: PreviewStore) {}

  /** Number of pages scanned. */
  get count(): number {
    return this.pages.length;
  }

  /** True when no more pages fit. */
  get full(): boolean {
    return this.pages.length >= MAX_APPLICATION_PAGES;
  }

  /** Adds a scanned page at the end. */
  add(image: Uint8Array): void {
    const [previewUrl] = this.previews.add([image]);
    if (previewUrl === undefined) throw new Error('the preview store returned no URL');
    this.pages.push({ image, previewUrl });
  }

  /** Drops one page (1-based); false when there is no such page. */
  remove(pageNumber: number): boolean {
    if (pageNumber < 1 || pageNumber > this.pages.length) return false;
    const [removed] = this.pages.splice(pageNumber - 1, 1);
    if (removed) this.previews.drop([removed.previewUrl]);
    return true;
  }

  /** The pages as the screen lists them, renumbered from 1. */
  list(): ApplicationPage[] {
    return this.pages.map((page, index) => ({
      pageNumber: index + 1,
      previewUrl: page.previewUrl,
    }));
  }

  /** The images in order (for saving). */
  images(): Uint8Array[] {
    return this.pages.map((page) => page.image);
  }

  /** Forgets every page (submitted, discarded, or the session ended). */
  clear(): void {
    this.previews.drop(this.pages.map((page) => page.previewUrl));
    this.pages = [];
  }
}
