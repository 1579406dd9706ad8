/*
 * Synthetic fingers for the fingerprint simulator. A finger id ("A", "left-index", …) stands for
 * one person's finger: its features are pseudo-random bytes seeded by the id, so the same id
 * always gives the same template and two ids give unrelated ones. Each capture disturbs a few
 * bytes, as a real placement never images the same ridges twice. No real biometric data.
 */

/** One image on the simulated sensor: which finger, and which placement of it. */
export interface SimulatedImage {
  /** The simulated finger id. */
  readonly fingerId: string;
  /** Capture counter, so two captures of one finger differ a little. */
  readonly capture: number;
}

/** Share of bytes one capture disturbs. */
const NOISE = 0.05;
/** Highest score (identical features); real modules report scores of this order. */
const MAX_SCORE = 200;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/** mulberry32: a small seeded generator, enough for test data. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The features a capture of `image` yields: the finger's own bytes, a few disturbed. */
export function simulatedFeatures(image: SimulatedImage, length: number): Uint8Array {
  const base = seeded(fnv1a(image.fingerId));
  const features = Uint8Array.from({ length }, () => Math.floor(base() * 256));
  const noise = seeded(fnv1a(`${image.fingerId}#${image.capture}`));
  for (let i = 0; i < length; i++) {
    if (noise() < NOISE) features[i] = Math.floor(noise() * 256);
  }
  return features;
}

/** Similarity of two feature buffers, 0 (unrelated or empty) to 200 (identical). */
export function similarityScore(a: Uint8Array, b: Uint8Array): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return Math.round((MAX_SCORE * equal) / a.length);
}
