/**
 * @module store/keys
 * The key under which the store merges one document's entity with the same actor from
 * other reports. The resolve layer decides what "the same actor" means
 * (`canonicalKey`); this module only adapts it for the store.
 */
import type { AnalysisEntity } from '../types.js';
import { normaliseName } from '../resolve/countries.js';

/**
 * Type + country + normalised name: "Kim Jong-un"/"Kim Jong Un" fold to one key because
 * hyphens and spaces normalise alike.
 */
export function entityKey(e: AnalysisEntity): string {
  const name = normaliseName(e.name).replace(/[-']/g, ' ').replace(/\s+/g, ' ');
  return `${e.type}|${e.country ?? ''}|${name}`;
}
