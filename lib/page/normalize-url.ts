// Parameters that identify a campaign or a click, never the document.
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'ref_src',
  'ref_url',
  'cmpid',
  'ocid',
  'spm',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wt_mc',
  'wt.mc_id',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/** Parses an absolute http(s) URL, or returns null for anything else. */
export function parseHttpUrl(raw: string, base?: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/** Returns the URL without fragment, tracking parameters or credentials; null if not http(s). */
export function normalizeUrl(raw: string): string | null {
  const url = parseHttpUrl(raw);
  if (!url) return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  for (const name of [...url.searchParams.keys()]) {
    if (isTrackingParam(name)) url.searchParams.delete(name);
  }
  // URLSearchParams re-serialises the query; leave untouched queries byte for byte.
  const text = url.toString();
  return text.endsWith('?') ? text.slice(0, -1) : text;
}
