/**
 * @module resolve
 * Who is who: the resolve stage, actor lookups for later stages, and the cross-document key
 * the store merges entities under.
 */
import type { AnalysisEntity } from '../types.js';
import { countryIndex, normaliseName } from './countries.js';
import { actorLexicon, wordsOf } from './lexicon.js';

export { resolveStage, resolveDocument, MENTION_ACTORS, ENTITY_SUB_SECTORS, MENTION_HEADS, type MentionActors } from './stage.js';
export { actorForSpan, mentionsInSpan, entityById, type ActorRef } from './lookup.js';

/**
 * A key equal for the same real-world actor across documents: countries by ISO code, lexicon
 * actors (organisations, office holders, seats) by their lexicon name whatever form the
 * report used (KCNA = Korean Central News Agency), others by type, country and normalised
 * fullest name (hyphens and spaces alike, so "Kim Jong-un" = "Kim Jong Un").
 *
 * @example
 * canonicalKey({ id: 'e1', name: 'DPRK', type: 'GPE', country: 'PRK', sector: null, aliases: [] }) // 'GPE|PRK'
 * canonicalKey({ id: 'e2', name: 'KCNA', type: 'ORG', country: 'PRK', sector: 'MED', aliases: [] })
 * // 'lex|korean central news agency'
 */
export function canonicalKey(entity: AnalysisEntity): string {
  const idx = countryIndex();
  const forms = [entity.name, ...entity.aliases];
  if (entity.type === 'GPE' && entity.country && entity.sector === null) {
    for (const f of forms) {
      const c = idx.byName.get(normaliseName(f));
      if (c && c.cca3 === entity.country) return `GPE|${c.cca3}`;
    }
  }
  const lex = actorLexicon();
  for (const f of forms) {
    const e = lex.named.get(wordsOf(f).join(' '));
    if (e && (e.type === entity.type || entity.type === 'ORG' || entity.type === 'FAC') && (!entity.country || !e.country || e.country === entity.country)) {
      return `lex|${wordsOf(e.name).join(' ')}`;
    }
  }
  if (entity.type === 'PERSON') {
    // a person under a surname-only name still keys by that; under a full name, by the full name
    for (const f of forms) {
      const e = lex.surnames.get(normaliseName(f));
      if (e && (!entity.country || e.country === entity.country)) return `lex|${wordsOf(e.name).join(' ')}`;
    }
  }
  const name = wordsOf(entity.name).filter((w) => w !== "'s").join(' ');
  return `${entity.type}|${entity.country ?? ''}|${name}`;
}
