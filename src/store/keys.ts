/**
 * @module store/keys
 * The key under which the store merges one document's entity with the same actor from
 * other reports. The resolve layer decides what "the same actor" means; the store only
 * uses its answer, so the two can never disagree.
 */
export { canonicalKey as entityKey } from '../resolve/index.js';
