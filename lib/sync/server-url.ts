// The CouchDB database a reader points sync at: checked before any permission is asked for or
// any request sent.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A database address ready for requests, and the origin permission that covers it. */
export interface SyncServer {
  /** The database's URL, without credentials, query, fragment or trailing slash. */
  dbUrl: string;
  /** The match pattern asked for at run time: this origin only. */
  originPattern: string;
}

/**
 * The database a URL names, or a sentence saying why it cannot be used: HTTPS is required except
 * on loopback, and credentials go in their own fields, never in the address.
 */
export function parseSyncServer(input: string): SyncServer | string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return 'Enter the database’s full address, such as https://couch.example.org/claimmark.';
  }
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return 'The server must use HTTPS (plain HTTP only on this computer: 127.0.0.1 or localhost).';
  }
  if (url.username || url.password) {
    return 'Put the user name and password in their own fields, not in the address.';
  }
  const path = url.pathname.replace(/\/+$/, '');
  // A server behind a reverse proxy may sit under a path (https://host/couchdb/claimmark): every
  // request is made relative to the database, so only its last segment must be the database.
  // No segment may be one of CouchDB's own endpoints (/_users, /_utils …).
  // Read as the server will read them: %5F is an underscore too.
  const segments = path.split('/').slice(1).map(decodedSegment);
  if (segments.length === 0 || segments.some((s) => s === '' || s.startsWith('_'))) {
    return 'The address must end with the database’s name, such as /claimmark.';
  }
  if (url.search || url.hash) return 'The address must not have a query or a fragment.';
  // Match patterns take no port: the permission covers the host, the request names the port.
  return { dbUrl: `${url.origin}${path}`, originPattern: `${url.protocol}//${url.hostname}/*` };
}

/** A path segment decoded; one that cannot be decoded reads as empty, so it is refused. */
function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
