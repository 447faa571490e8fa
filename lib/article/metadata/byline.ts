import type { LdData } from './jsonld';
import { isObject, resolve, typesOf } from './jsonld';
import type { SiteHints } from './site';
import { isSiteName } from './site';
import { decodeEntities } from './headline';
import { collapse } from './text';

const MAX_AUTHORS = 8;

// Verbs and works that come before "by": "Posted by", "Ein Beitrag von", "An interview by".
const BY_PREFIX =
  '(?:posted|written|published|reported|submitted|story|recipe|rezept|text|words|veröffentlicht|geschrieben|eingestellt|erstellt|verfasst|publiziert|gepostet|publié|écrit|publicado|escrito|pubblicato|scritto|' +
  '(?:(?:ein|eine|a|an)\\s+)?(?:blog\\s*)?(?:artikel|beitrag|gastbeitrag|interview|kommentar|essay|bericht|article|post|guest post|column|report))';
// Also in other scripts: Indonesian "oleh", Greek "του"/"της" (the name in the genitive) and
// "γράφει ο" ("writes"), Hebrew "מאת", Arabic "بقلم" ("by the pen of"); Italian "a cura di".
const BY_ELSEWHERE =
  'oleh|του|της|γράφει(?:\\s+(?:ο|η|οι))?|מאת|بقلم|(?:scritto|pubblicato)\\s+da|a\\s+cura\\s+di';
const BY = `(?:by|von|vom|par|por|di|door|av|af|przez|${BY_ELSEWHERE})`;
// At the start of a line "vom" ("from the") and "di" ("of") open prose as often as bylines.
const BY_LINE = `(?:by|von|par|por|door|av|af|przez|${BY_ELSEWHERE})`;
// Labels that name the author's role outright: "Autorin:", "Author:", "Text:", "Interview:".
const AUTHOR_LABEL =
  '(?:autor(?:in|en|ka)?|author|auteur|verfasser(?:in)?|автор(?:ы)?|текст|yazar|szerző|συντάκτης|συντάκτρια|كتب|كتبت|إعداد|text(?:\\s*(?:und|and|&|\\+|/)\\s*(?:fotos?|bilder?|photos?|interview))?|texto|testo|interview|redakteur(?:in)?)';
// Credits for other work on the same line end the author's part: "Text: Jane Doe Fotos: John Roe".
const OTHER_CREDIT =
  /\s+(?:fotos?|photos?|photography|bilder?|illustrations?|illustrationen|grafik(?:en)?|graphics?|video|kamera|camera|übersetzung|translation)\s*(?::|von\s|by\s).*$/iu;
// The outlet a reporter writes for, after the name: "By Jane Doe for the Daily Mail", "Special to
// The Times".
const OUTLET = /(?:^|\s+)(?:[Ff]or|[Ss]pecial to)\s+(?:the\s+)?\p{Lu}.*$/u;
// The material a story draws on ends the names: "mit Material von dpa", "with additional reporting".
const DRAWN_FROM =
  /\s+(?:with|mit)\s+(?:additional\s+|zusätzlichem\s+)?(?:reporting|[Mm]aterial|[Aa]genturmaterial)\b.*$/u;
// Chinese and Japanese labels ("责任编辑：" responsible editor, "作者：" author, "文：" text),
// written without a space; "記者" (reporter) also stands before the name without a colon.
const CJK_LABEL =
  '(?:(?:责任编辑|编辑|作者|记者|記者|撰文|文)\\s*[:：/／=＝]|(?:记者|記者)\\s)\\s*';
// Korean puts the role after the name: "홍길동 기자" (reporter), "특파원" (correspondent).
const KOREAN_ROLE = /\s*(?:기자|특파원)(?=$|[\s,·=])/gu;
// Words that introduce a byline, in the languages of the web's news.
const LEAD_IN = new RegExp(
  `^(?:[~|•·:–—-]\\s*)*(?:(?:(?:${BY_PREFIX}\\s+)?${BY}|${AUTHOR_LABEL}|redaktion\\s*:)\\s*[:.]?\\s+|${CJK_LABEL})`,
  'iu',
);
// Alone on a line, a work noun ("Text", "Interview") is a menu item or a section's name unless a
// colon makes it a label; a role noun ("Autor", "By") is a label either way.
const WORK_NOUN = /^(?:text|texto|testo|interview)\b/iu;
const LABEL_ONLY = new RegExp(`^(?:(?:${BY_PREFIX}\\s+)?${BY}|${AUTHOR_LABEL})\\s*[:.]?$`, 'iu');
// Byline words that open a line: "By Jane Doe", "Von Jane Doe", "Written by: Jane Doe".
const BYLINE_START = new RegExp(
  `^(?:[|•·:–—-]\\s*)*(?:(?:${BY_PREFIX}\\s+)?${BY_LINE}\\s*:?|(?:${AUTHOR_LABEL}|redaktion)\\s*:)\\s+|^${CJK_LABEL}`,
  'iu',
);
// Job titles and affiliations that follow a name.
const ROLE =
  /\b(?:staff|senior|chief|political|foreign|business|science|sports?|special|contributing|freie[rn]?|freelance|managing|news|deputy|executive|associate)?\s*(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|analyst|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|journalist(?:in)?|reporter(?:in)?|mitarbeiter(?:in)?|rédacteur|rédactrice|envoyée?|corresponsal|redactor|redattore|inviato)\b.*$/iu;
// Values that stand for "nobody in particular".
// prettier-ignore
const GENERIC = new Set([
  'admin', 'administrator', 'webmaster', 'redaktion', 'editor', 'editors', 'editorial', 'staff', 'team', 'unknown',
  'anonymous', 'anonym', 'guest', 'gast', 'user', 'super user', 'superuser', 'wordpressadmin', 'name', 'author',
  'autor', 'auteur', 'autore', 'autorin', 'by', 'von', 'posted', 'rédaction', 'redazione', 'redacción', 'the editors', 'editorial staff', 'editorial board',
  'news desk', 'newsdesk', 'online', 'default', 'share', 'follow', 'twitter', 'facebook', 'email', 'e-mail', 'more', 'mehr',
  'vom', 'datum', 'date', 'zvg', 'agencies', 'about the author', 'über den autor', 'english', 'deutsch', 'français', 'español',
]);
// Months, for "February 24" / "8. November" left over from a date next to the name.
const MONTH_DAY =
  /^(?:\d{1,2}\.?\s+)?(?:jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|jun[ei]?|jul[yi]?|aug(?:ust)?|sep(?:tember)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cz](?:ember)?)\.?(?:\s+\d{1,2})?$/iu;

// Legal forms and institutions: an organisation credited as author, not a person's byline. Stock
// photo agencies ("Getty Images", "iStock") are credits for the pictures.
const ORGANISATION =
  /\b(?:GmbH|AG|e\.\s?V\.?|Inc|Ltd|LLC|S\.A|Verlag|Ministerium|Bundesministerium|Institut|Institute|Stiftung|Verband|Department|Departement|Agentur|Agency|Association|Asociación|Associazione|Foundation|Fundación|Fondation|Fondazione|University|Universidad|Ministry|Ministerio|Ministère|Ministero|Commission|Corporation|Company|Society|Redaktion|Redacción|Redazione|Newsroom|Press|Presse|Team|Staff|Getty|iStock(?:photo)?|Shutterstock|Adobe Stock|picture[- ]alliance|imago)\b/i;
// German writes an institution's kind at the end of one word ("Bundesverband",
// "Umweltministerium"); words that end in an accented letter need a Unicode-aware boundary.
const ORGANISATION_COMPOUND =
  /\p{L}(?:verband|verbands|ministerium|institut|stiftung|agentur|verlag|gesellschaft)(?!\p{L})|(?<!\p{L})(?:universität|université|università)(?!\p{L})/iu;
// Words that show a fragment is a label, a date or a credit rather than a name.
const NOT_A_NAME =
  /^(?:posted|published|publiziert|zuletzt|last (?:updated|modified|edited)|actualizado|publicado|aggiornato|pubblicato|mis à jour|veröffentlicht|geschrieben|eingestellt|erstellt|stand|beitrag|beiträge|post author|archiv|zur|zeige|view|more|weitere|alle|vor|updated|aktualisiert|foto|photo|bild|image|quelle|source|course|kategorie|category|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|фото|un |une |in:|am\b|on\b)/i;

// What follows a person's name in the same byline and describes that person: a function
// ("Projektleiterin der HSS", "Professor of History", "Founder") or an academic degree ("PhD").
// A function word stands alone or before a lower-case word, so a co-author's name is kept; degrees
// are matched as written ("MD", not the "Md" that opens many South Asian names).
const FUNCTION_WORD =
  /^(?:[\p{L}-]*(?:leiter|sprecher|referent|direktor|präsident|vorsitzende|beauftragte|experte|expertin|berater|koordinator|geschäftsführer|professor|gründer|inhaber)\p{L}*|head|director|professor|chair|president|founder|ceo|fellow|lecturer|researcher)(?:\s+|$)/iu;
const DEGREE = /^(?:Ph\.?\s?D|M\.?D|MPH|MSc|MBA|RDN?|Jr|Sr|II|III|IV)\.?$/u;

// News agencies, a closed class like the months: their names are credits, not a person's byline.
const WIRE =
  /^(?:dpa|afp|ap|reuters|efe|ansa|kna|epd|apa|sda|keystone-sda|sid|ddp|dapd|dts|sp-x|xinhua|tass|ria novosti|kyodo|jiji|yonhap|pti|ians|ani|europa press|lusa|ats|belga|anp|ntb|ritzau|pap|čtk|ctk|mti|anadolu|bloomberg)$/i;

/** True when a part of a byline describes the person named before it rather than naming someone. */
function describesPerson(part: string): boolean {
  if (DEGREE.test(part)) return true;
  const fn = FUNCTION_WORD.exec(part);
  return fn !== null && (fn[0].length === part.length || /^\p{Ll}/u.test(part.slice(fn[0].length)));
}

/** True when a text is only a byline label waiting for its name: "By", "Von:", "| Written by". */
export function isBylineLabel(text: string): boolean {
  const label = text.replace(/^[|•·:–—\s-]+/, '').trim();
  return LABEL_ONLY.test(label) && (!WORK_NOUN.test(label) || label.endsWith(':'));
}

// A label that names the author's role or the work outright ("Autorin:", "Text von", "Written by"),
// unlike a bare "by"/"von", which also opens prose ("Von Helsingborg nach Göteborg").
const ROLE_LABEL = new RegExp(
  `^(?:[|•·:–—-]\\s*)*(?:${BY_PREFIX}\\s+${BY}|${AUTHOR_LABEL})\\s*:?(?:\\s|$)|^${CJK_LABEL}`,
  'iu',
);

/** True when a text opens with a role label: "Autor:", "Text von", "Geschrieben von". */
export function opensWithRoleLabel(text: string): boolean {
  return ROLE_LABEL.test(text.trim());
}

/** True when a line opens with a byline word followed by a capitalised name ("By Jane Doe"). */
export function opensByline(text: string): boolean {
  const lead = BYLINE_START.exec(text);
  if (lead === null) return false;
  const rest = text.slice(lead[0].length);
  // Tested apart: under the /i flag \p{Lu} would match lower case too. A lower-case user name
  // counts when the date follows it, as blogs print it: "by jdoe on May 3, 2020".
  return (
    /^\p{Lu}|^\p{Lo}/u.test(rest) ||
    /^[\p{Ll}\d._-]{3,30}(?:\s+(?:on|am|at|le|el)\s+(?:\p{L}+\.?\s+)?\d|\s*[|·•–—-]\s*\d)/u.test(
      rest,
    )
  );
}

const PARTICLE =
  /^(?:von|vom|van|de|der|den|del|della|di|da|das|dos|du|la|le|y|zu|zur|ten|ter|bin|al|el)$/u;

/** True when a string can be a person's (or a blogger's) name as printed in a byline. */
export function isNameLike(name: string, hints: SiteHints): boolean {
  if (name.length < 2 || name.length > 60) return false;
  if (
    /[@<>{}[\]=/\\:]|https?:|www\.|\.(?:com|de|org|net|it|fr|es|at|ch|uk|eu|nl|be|io)\b/i.test(name)
  )
    return false;
  if (
    GENERIC.has(name.toLowerCase()) ||
    NOT_A_NAME.test(name) ||
    ORGANISATION.test(name) ||
    ORGANISATION_COMPOUND.test(name)
  )
    return false;
  // No letters at all ("2020"), a month and day, or a label still waiting for its name ("Artikel von").
  if (
    !/\p{L}/u.test(name) ||
    (/\d/.test(name) && MONTH_DAY.test(name)) ||
    /\s(?:von|by|de|par)$/iu.test(name)
  )
    return false;
  const words = name.split(/\s+/);
  if (words.length > 5) return false;
  // A sentence's end ("… zu Hause.") or an abbreviation ("Red.") rather than initials ("R. R.", "Jr.").
  if (/\p{L}{3,}\.$/u.test(name)) return false;
  // A multi-word name is capitalised (or written in a script without case); a single word may be a handle.
  if (words.length > 1 && !words.some((w) => /^\p{Lu}/u.test(w)) && /\p{Ll}/u.test(name))
    return false;
  // Lower-case words other than particles ("von", "de", "van der") make it a phrase, not a name.
  const lower = words.filter((w) => /^\p{Ll}/u.test(w) && !PARTICLE.test(w)).length;
  if (words.length > 2 && /\p{Lu}/u.test(name) && lower * 2 >= words.length) return false;
  // "Leser 27", "Kommentare 3": a count after a word is a label, not a name.
  if (words.length > 1 && (/\d{3,}/.test(name) || /\s\d+$/.test(name))) return false;
  return !isSiteName(name, hints);
}

// A newsroom credited as author: "Redaktion", "Staff Writer", "HLNF Staff Report", "Die Redaktion von X".
const DESK =
  /^(?:(?:die|the)\s+)?(?:(?:[\p{L}.-]+\s+){1,2}|[\p{L}.]+-)?(?:redaktion|newsdesk|news desk|staff writer|staff report|staff|editorial team|team|rédaction|redazione|redacción)(?:\s+[\p{L}.-]+){0,3}$/iu;

/** True when a credit is a newsroom ("Redaktion", "Newsdesk", "PETA-Team") rather than a person. */
export function isDesk(text: string): boolean {
  return DESK.test(text);
}

/** True when a part that follows an explicit byline label ("Von Redaktion", "By Staff Writer") is a newsroom credit. */
function isDeskCredit(part: string): boolean {
  return part.length <= 60 && !/[@<>{}[\]=/\\]|https?:|\d/.test(part) && DESK.test(part);
}

// A job title set before the name: "FOCUS-Online-Experte Jane Doe", "Gastautorin Jane Doe".
const LEADING_ROLE =
  /^(?:[\p{L}]+-)*(?:experte|expertin|gastautor(?:in)?|kolumnist(?:in)?|korrespondent(?:in)?|chefredakteur(?:in)?|redakteur(?:in)?|reporter(?:in)?)\s+/iu;

/** A part without the job title in front of the name, when a capitalised name follows it. */
function withoutLeadingRole(part: string): string {
  const role = LEADING_ROLE.exec(part.trim());
  const rest = role ? part.trim().slice(role[0].length) : '';
  return role && /^\p{Lu}\p{Ll}/u.test(rest) ? rest : part;
}

/**
 * Splits a printed byline into author names: drops "By", roles, dates, "and". `credited` says the
 * page's markup names the text as its author (rel/itemprop author), which vouches like a "By".
 */
export function parseByline(raw: string, hints: SiteHints, credited = false): string[] {
  // Profile links stand in for names in some meta tags; they are not names.
  // A social-media handle printed after the name ("Jane Doe @janedoe") is the same person again.
  let text = collapse(raw.replace(/https?:\/\/\S+/g, ' ').replace(/(\S\s+)@[\w.]+/gu, '$1'));
  if (text === '' || LABEL_ONLY.test(text)) return [];
  text = text.replace(
    /^(?:zum profil von|profil von|zeige alle beiträge von|alle beiträge von|view all posts by|more posts by|weitere artikel von|artikel von)\s+/i,
    '',
  );
  // After an explicit label ("By", "Von:") the page vouches for what follows, even a newsroom.
  const labelled = credited || LEAD_IN.test(text);
  text = text
    .replace(LEAD_IN, '')
    .replace(OTHER_CREDIT, '')
    .replace(DRAWN_FROM, '')
    .replace(KOREAN_ROLE, '');
  // An interview credits both sides: "Jane Doe im Gespräch mit John Roe".
  text = text.replace(
    /\s+(?:im gespräch mit|in conversation with|in an interview with)\s+/iu,
    ', ',
  );
  // Cut at the first thing that is not part of the names: a date, a time, a separator, "on"/"am"/"le".
  text =
    text.split(
      /\s+(?:on|am|um|at|in|im|updated|aktualisiert|published|veröffentlicht)\s+|\s+under(?:\s|$)|\s+(?:le|el|il)\s+(?=\d)|\s*[|·•\u2022()\n\u30fb\u2027\u2219\u22c5\uff5c\u25cf\u25aa\u25a0]\s*|\s+[–—-]\s+|\d{1,4}[./:]\d|\b\d{1,2}\.?\s+\p{L}+\s+\d{4}/iu,
    )[0] ?? '';
  // Words that end in a colon label what follows ("En kiosques : juillet 2020"); a name never does.
  if (/:$/.test(text.trim())) return [];
  const names: string[] = [];
  const trim = (t: string): string =>
    collapse(t.replace(LEAD_IN, '')).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.)]+$/gu, '');
  for (const raw of text.split(
    /\s*[,;/&+]\s*(?:(?:and|und|et|y)\s+)?|\s+(?:and|und|et|y|e|og|och|en|i|ve|и|with|mit)\s+/iu,
  )) {
    let part = trim(withoutLeadingRole(raw).replace(ROLE, ''));
    // Printed as one capitalised run ("Jane Doe For The Mail") the outlet is left in, as labels keep it.
    const outlet = OUTLET.exec(part);
    if (outlet && (outlet.index === 0 || !isNameLike(part, hints)))
      part = trim(part.slice(0, outlet.index));
    if (names.length > 0 && describesPerson(part)) continue;
    // Bloggers name their sites after themselves: a person's name that the markup credits as
    // author ("Frau Sabienes" on frau-sabienes.de) is the author even when it is the site's name.
    const vouched =
      credited &&
      /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2}$/u.test(part) &&
      isNameLike(part, { siteName: null, hostKey: '' });
    if (part !== '' && (vouched || isNameLike(part, hints))) {
      if (!names.includes(part)) names.push(part);
    } else if (labelled) {
      // "By Staff Writer": the role is the whole credit.
      // A desk after a person's name is that person's department ("Jane Doe, Online-Redaktion").
      const credit = part === '' ? trim(raw) : part;
      if (credit !== '' && names.length === 0 && isDeskCredit(credit)) names.push(credit);
    }
  }
  // A wire service after a reporter's name ("Jane Doe, dpa", "Jane Doe/AFP") is the story's source.
  const person = names.some((n) => /\s/.test(n) && !WIRE.test(n));
  return (person ? names.filter((n) => !WIRE.test(n)) : names).slice(0, MAX_AUTHORS);
}

/** Person names from a JSON-LD author/creator value; organisations only when asked. */
export function ldAuthorNames(
  value: unknown,
  data: LdData,
  hints: SiteHints,
  allowOrganization: boolean,
): string[] {
  const names: string[] = [];
  const list = Array.isArray(value) ? value : [value];
  for (const item of list.slice(0, MAX_AUTHORS * 2)) {
    const node = resolve(item, data);
    if (typeof node === 'string') {
      names.push(...parseByline(decodeEntities(node), hints));
      continue;
    }
    if (!isObject(node)) continue;
    const types = typesOf(node);
    if (
      !allowOrganization &&
      types.some(
        (t) => t === 'Organization' || t === 'NewsMediaOrganization' || t === 'Corporation',
      )
    )
      continue;
    // Names in JSON-LD are often HTML-escaped twice: "Redacci&oacute;n".
    const name = node.name;
    if (typeof name === 'string') names.push(...parseByline(decodeEntities(name), hints));
    else if (Array.isArray(name) && typeof name[0] === 'string')
      names.push(...parseByline(name[0], hints));
  }
  return [...new Set(names)].slice(0, MAX_AUTHORS);
}
