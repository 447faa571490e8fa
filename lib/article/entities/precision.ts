// Corrections after tagging, for mistakes a model trained on 1996 Reuters wire makes on today's
// news pages: words of the page's furniture ("Photo: …"), weapons and other products named like
// places or people ("Tomahawk missiles"), and people behind a capitalised role ("Coach …").
import type { EntityMention, EntityType } from '../types.ts';

// Page furniture: captions, credits and links name no one.
const FURNITURE =
  /^(?:photos?|photograph(?:s|y)?|photo illustration|illustration|image|images|picture|pictures|video|videos|watch|listen|read more|more|advertisement|sponsored|credit|credits|source|file|copyright|graphic|graphics|gallery|live|update|updated|breaking|published|posted|share|comments?|subscribe|sign in|log in)$/iu;

// Roles written before a name. The person behind one is a person, whatever type the span got.
const ROLE =
  /^(?:(?:head|assistant|interim|former)\s+)*(?:coach|manager|boss|trainer|skipper|captain|mr\.?|mrs\.?|ms\.?|dr\.?)\s+/iu;

// A name followed by one of these nouns is a product (a weapon, a vehicle), not a place, a
// person or an organisation: "Tomahawk long-range missiles", "Storm Shadow missiles",
// "Patriot air defence systems", "Leopard tanks".
const MODIFIER =
  '(?:long-range|short-range|medium-range|intermediate-range|cruise|ballistic|hypersonic|guided|precision|anti-[a-z]+|surface-to-air|air-to-air|attack|combat|fighter|main battle|multiple|launch)';
const PRODUCT_NOUN =
  '(?:missiles?|rockets?|launchers?|drones?|jets?|tanks?|warheads?|howitzers?|interceptors?|bombers?|helicopters?|warplanes?|(?:air[ -])?defen[cs]e systems?|missile systems?|rocket systems?|batter(?:y|ies))';
const PRODUCT_AFTER = new RegExp(
  `^[ \\u00a0]+(?:${MODIFIER}[ \\u00a0]+){0,2}${PRODUCT_NOUN}\\b`,
  'u',
);

/** Lower-cased name without a plural "s", so "Tomahawks" meets "Tomahawk". */
function stem(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('s') && lower.length > 3 ? lower.slice(0, -1) : lower;
}

/** Names most of whose mentions are followed by a product noun, known places aside ("U.S. warplanes"). */
function productNames(
  text: string,
  mentions: EntityMention[],
  isKnownPlace: (name: string) => boolean,
): Set<string> {
  // Counted by stem; the gazetteer is asked with a name as written ("Paris", never "pari").
  const seen = new Map<string, { all: number; product: number; written: string[] }>();
  for (const m of mentions) {
    const key = stem(m.text);
    const entry = seen.get(key) ?? { all: 0, product: 0, written: [] };
    entry.all++;
    if (PRODUCT_AFTER.test(text.slice(m.end, m.end + 60))) entry.product++;
    if (!entry.written.includes(m.text)) entry.written.push(m.text);
    seen.set(key, entry);
  }
  const products = new Set<string>();
  for (const [name, { all, product, written }] of seen) {
    if (product > all / 2 && !written.some(isKnownPlace)) products.add(name);
  }
  return products;
}

/**
 * Corrects tagged mentions: drops page furniture and product names (a name mostly followed by
 * "missiles", "tanks" …, unless it is a known place), and makes the name after a role ("Coach
 * Dabo Swinney") a person without the role. Offsets stay offsets into `text`.
 */
export function correctMentions(
  text: string,
  mentions: EntityMention[],
  isKnownPlace: (name: string) => boolean = () => false,
): EntityMention[] {
  const products = productNames(text, mentions, isKnownPlace);
  const out: EntityMention[] = [];
  for (const m of mentions) {
    if (FURNITURE.test(m.text) || products.has(stem(m.text))) continue;
    const role = ROLE.exec(m.text);
    if (role && role[0].length < m.text.length) {
      const start = m.start + role[0].length;
      const type: EntityType = 'person';
      out.push({ type, text: text.slice(start, m.end), start, end: m.end });
      continue;
    }
    out.push(m);
  }
  return out;
}
