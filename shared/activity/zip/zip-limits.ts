// Caps for an untrusted ZIP, counted on what it really holds: entries, bytes expanded, and the
// expansion ratio of each entry (deflate can reach about 1,000:1; real activity files and Apple's
// export.xml compress 2:1 to about 30:1). Every cap is checked twice: on the sizes the archive
// declares, and on the bytes decompression actually produces (a bomb can lie about the first).
import { BadInputError } from '../../errors.ts';

export interface ZipLimits {
  /** Most entries the archive (and each nested archive) may list. */
  maxEntries: number;
  /** Most bytes expanded in all, streamed entries and nested archives included. */
  maxTotalBytes: number;
  /** Largest entry read into memory (an activity file, a nested archive). */
  maxEntryBytes: number;
  /** Largest expansion of one entry: bytes out per compressed byte in. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxTotalBytes: 16 * 1024 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
  maxRatio: 100,
};

/** Entries smaller than this may have any ratio: a tiny file of repeated bytes is no bomb. */
export const RATIO_FREE_BYTES = 1024 * 1024;

/** Bytes expanded so far, shared by every entry read from one upload (nested archives too). */
export interface ZipBudget {
  readonly limits: ZipLimits;
  expandedBytes: number;
}

export function createZipBudget(limits: Partial<ZipLimits> = {}): ZipBudget {
  return { limits: { ...DEFAULT_ZIP_LIMITS, ...limits }, expandedBytes: 0 };
}

/** The most bytes one entry may expand to by the ratio cap. */
export function ratioCapOf(limits: ZipLimits, compressedSize: number): number {
  return Math.max(RATIO_FREE_BYTES, compressedSize * limits.maxRatio);
}

export function tooLarge(message: string): BadInputError {
  return new BadInputError('zip_too_large', message);
}
