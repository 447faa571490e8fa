import type { DateMention } from '../types';
import { parsePublished } from './calendar';
import { chronoCandidates } from './from-chrono';
import { settle } from './mention';
import { holidayCandidates, monthCandidates, seasonCandidates } from './rules-calendar';
import {
  presentCandidates,
  relativeUnitCandidates,
  yearAnchoredCandidates,
} from './rules-relative';
import { bareYearCandidates, quarterCandidates } from './rules-years';

/**
 * Every date mentioned in a text, resolved against the publication day ("2025-10-16", any ISO
 * string whose first ten characters are a day). Without a publication day, only dates whose
 * year is written out are returned: relative ones ("yesterday", "in April") cannot be placed.
 */
export function findDateMentions(text: string, published: string | null): DateMention[] {
  const pub = parsePublished(published);
  return settle([
    ...chronoCandidates(text, pub),
    ...monthCandidates(text, pub),
    ...seasonCandidates(text, pub),
    ...holidayCandidates(text, pub),
    ...relativeUnitCandidates(text, pub),
    ...presentCandidates(text, pub),
    ...yearAnchoredCandidates(text, pub),
    ...quarterCandidates(text, pub),
    ...bareYearCandidates(text),
  ]);
}
