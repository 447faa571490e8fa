import { isRecord } from '../exchange/parsed';
import { toBase64 } from './seal';

// A small client of CouchDB's HTTP API, the part replication needs: database info, the changes
// feed, bulk writes, bulk reads by id and the replicator's `_local` checkpoint documents. Any
// CouchDB 3 (or pouchdb-server) answers it. `fetch` is handed in, so tests run it in Node.

/** An error the reader can read, and whether trying again later may help. */
export class SyncError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/**
 * An answer larger than the client reads. No document Claimmark accepts is over 2,000,000
 * characters, so a page of changes this large is read again in smaller pages, and a document
 * this large alone is not Claimmark's: a server that sends it is broken or hostile, and the
 * extension's memory is kept.
 */
export class ResponseTooLarge extends SyncError {
  constructor(limitBytes: number) {
    const size =
      limitBytes >= 1_048_576
        ? `${String(Math.round(limitBytes / 1_048_576))} MB`
        : `${String(Math.round(limitBytes / 1_024))} KB`;
    super(`The server sent an answer larger than ${size}; Claimmark did not read it.`, false);
    this.name = 'ResponseTooLarge';
  }
}

/** The most one answer may hold, unless the client is told otherwise. */
export const MAX_RESPONSE_BYTES = 64 * 1_048_576;

/** The body of an answer as text, or null past `limit` bytes (declared or read). */
async function readBounded(response: Response, limit: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** A request that failed on the way (stopped, timed out, or as `otherwise` says), to retry. */
function failed(error: unknown, stop: AbortSignal | undefined, otherwise: string): SyncError {
  if (stop?.aborted) return new SyncError('Stopped.', true);
  const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
  return new SyncError(
    timedOut ? 'The server did not answer in time; trying again later.' : otherwise,
    true,
  );
}

/** The fetch function the client uses (the browser's, or Node's in tests). */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** One row of the changes feed. */
export interface ChangeRow {
  id: string;
  seq: string | number;
  deleted?: boolean;
  doc?: unknown;
}

/** A page of the changes feed. */
export interface ChangesPage {
  results: ChangeRow[];
  lastSeq: string | number;
}

/** The server's answer for one document of a bulk write. */
export interface WriteResult {
  id: string;
  rev?: string;
  /** "conflict" when the document changed on the server since the revision sent. */
  error?: string;
  reason?: string;
}

/** A document read by id: its body, a deletion, or nothing. */
export type ReadResult =
  | { id: string; doc: unknown }
  | { id: string; deleted: true; rev: string }
  | { id: string; missing: true };

/** How the client reaches one database. */
export interface CouchOptions {
  dbUrl: string;
  username: string;
  password: string;
  fetch: Fetch;
  /** How long one request may take before it is given up (the long poll adds its own wait). */
  timeoutMs?: number;
  /** The most one answer may hold (`MAX_RESPONSE_BYTES` unless told). */
  maxResponseBytes?: number;
}

/** The calls replication makes on one CouchDB database. */
export interface CouchClient {
  /** Makes sure the database exists (creating it when the account may); returns its update sequence. */
  open(): Promise<{ updateSeq: string | number | null }>;
  /**
   * A page of changes; with `waitMs`, waits that long for one (a long poll `signal` can end).
   * `withDocs: false` names the changes without their documents.
   */
  changes(
    since: string | number,
    limit: number,
    waitMs?: number,
    signal?: AbortSignal,
    withDocs?: boolean,
  ): Promise<ChangesPage>;
  bulkDocs(docs: readonly object[]): Promise<WriteResult[]>;
  read(ids: readonly string[]): Promise<ReadResult[]>;
  getLocal(id: string): Promise<Record<string, unknown> | null>;
  putLocal(id: string, body: Record<string, unknown>): Promise<void>;
}

function basicAuth(username: string, password: string): string {
  return `Basic ${toBase64(new TextEncoder().encode(`${username}:${password}`))}`;
}

/** A sentence for an HTTP status the server answered with. */
function statusError(status: number, what: string): SyncError {
  if (status === 401) return new SyncError('The server refused the user name or password.', false);
  if (status === 403) return new SyncError(`This account may not ${what}.`, false);
  if (status === 404) return new SyncError('The server has no such database.', false);
  if (status === 413) return new SyncError('The server refused a document as too large.', false);
  if (status >= 500)
    return new SyncError(`The server failed (HTTP ${String(status)}); trying again later.`, true);
  return new SyncError(`The server answered HTTP ${String(status)} to ${what}.`, false);
}

/** A client of one CouchDB database. */
export function createCouchClient(options: CouchOptions): CouchClient {
  const { dbUrl, fetch } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/json',
  };
  if (options.username || options.password)
    headers.Authorization = basicAuth(options.username, options.password);

  async function request(
    method: string,
    path: string,
    what: string,
    body?: unknown,
    waitMs = 0,
    stop?: AbortSignal,
  ): Promise<{ status: number; json: unknown }> {
    let response: Response;
    const timeout = AbortSignal.timeout(timeoutMs + waitMs);
    try {
      response = await fetch(`${dbUrl}${path}`, {
        method,
        headers,
        credentials: 'omit',
        // CouchDB's API never redirects: a redirect would carry the password elsewhere.
        redirect: 'error',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: stop ? AbortSignal.any([timeout, stop]) : timeout,
      });
    } catch (error) {
      throw failed(error, stop, 'The server cannot be reached; trying again later.');
    }
    let text: string | null;
    try {
      text = await readBounded(response, maxBytes);
    } catch (error) {
      throw failed(error, stop, 'The server’s answer was cut off; trying again later.');
    }
    if (text === null) throw new ResponseTooLarge(maxBytes);
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      // A body that is not JSON is judged by its status alone.
    }
    return { status: response.status, json };
  }

  function expectOk(result: { status: number; json: unknown }, what: string): unknown {
    if (result.status >= 200 && result.status < 300) return result.json;
    throw statusError(result.status, what);
  }

  return {
    async open() {
      const info = await request('GET', '', 'read the database');
      if (info.status === 404) {
        const made = await request('PUT', '', 'create the database');
        // 412: another device created it in between.
        if (made.status === 412) return { updateSeq: null };
        // CouchDB 3 answers a member who may not create databases with 401 or 403.
        if (made.status === 401 || made.status === 403)
          throw new SyncError(
            'The server has no such database, and this account may not create it: ask its administrator.',
            false,
          );
        expectOk(made, 'create the database');
        return { updateSeq: 0 };
      }
      const json = expectOk(info, 'read the database');
      // A database says its name; a document's address (easy to paste) answers with the document.
      if (!isRecord(json) || typeof json.db_name !== 'string')
        throw new SyncError(
          'That address is not a CouchDB database: it must end with the database’s name.',
          false,
        );
      const seq = json.update_seq;
      return { updateSeq: typeof seq === 'string' || typeof seq === 'number' ? seq : null };
    },

    async changes(since, limit, waitMs = 0, signal, withDocs = true) {
      const query = new URLSearchParams({
        since: String(since),
        limit: String(limit),
        include_docs: String(withDocs),
        ...(waitMs > 0 ? { feed: 'longpoll', timeout: String(waitMs) } : {}),
      });
      const json = expectOk(
        await request(
          'GET',
          `/_changes?${query.toString()}`,
          'read the changes',
          undefined,
          waitMs,
          signal,
        ),
        'read the changes',
      );
      if (!isRecord(json) || !Array.isArray(json.results))
        throw new SyncError('The server’s changes feed was not understood.', false);
      const lastSeq = json.last_seq;
      if (typeof lastSeq !== 'string' && typeof lastSeq !== 'number')
        throw new SyncError('The server’s changes feed has no sequence.', false);
      const results: ChangeRow[] = [];
      for (const row of json.results as unknown[]) {
        if (!isRecord(row) || typeof row.id !== 'string') continue;
        const seq = row.seq;
        if (typeof seq !== 'string' && typeof seq !== 'number') continue;
        results.push({ id: row.id, seq, deleted: row.deleted === true, doc: row.doc });
      }
      return { results, lastSeq };
    },

    async bulkDocs(docs) {
      const json = expectOk(await request('POST', '/_bulk_docs', 'write', { docs }), 'write');
      if (!Array.isArray(json))
        throw new SyncError('The server’s answer to a write was not understood.', false);
      return (json as unknown[]).flatMap((row): WriteResult[] =>
        isRecord(row) && typeof row.id === 'string'
          ? [
              {
                id: row.id,
                ...(typeof row.rev === 'string' ? { rev: row.rev } : {}),
                ...(typeof row.error === 'string' ? { error: row.error } : {}),
                ...(typeof row.reason === 'string' ? { reason: row.reason } : {}),
              },
            ]
          : [],
      );
    },

    async read(ids) {
      const json = expectOk(
        await request('POST', '/_all_docs?include_docs=true', 'read', { keys: ids }),
        'read',
      );
      if (!isRecord(json) || !Array.isArray(json.rows))
        throw new SyncError('The server’s answer to a read was not understood.', false);
      return (json.rows as unknown[]).flatMap((row): ReadResult[] => {
        if (!isRecord(row)) return [];
        const id =
          typeof row.id === 'string' ? row.id : typeof row.key === 'string' ? row.key : null;
        if (id === null) return [];
        const value = isRecord(row.value) ? row.value : {};
        if (value.deleted === true && typeof value.rev === 'string')
          return [{ id, deleted: true, rev: value.rev }];
        if (isRecord(row.doc)) return [{ id, doc: row.doc }];
        return [{ id, missing: true }];
      });
    },

    async getLocal(id) {
      const result = await request('GET', `/_local/${encodeURIComponent(id)}`, 'read a checkpoint');
      if (result.status === 404) return null;
      const json = expectOk(result, 'read a checkpoint');
      return isRecord(json) ? json : null;
    },

    async putLocal(id, body) {
      expectOk(
        await request('PUT', `/_local/${encodeURIComponent(id)}`, 'write a checkpoint', body),
        'write a checkpoint',
      );
    },
  };
}
