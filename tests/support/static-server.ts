// A tiny static file server on 127.0.0.1 for the sample article and the test fixtures.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The file a mounted directory holds for a path; null outside every mount. */
function mountedFile(mounts: Record<string, string>, path: string): string | null {
  const mount = Object.keys(mounts).find((prefix) => path.startsWith(prefix));
  const root = mount === undefined ? undefined : mounts[mount];
  if (!root || mount === undefined) return null;
  const file = normalize(join(root, path.slice(mount.length)));
  const inside = (file + sep).startsWith(normalize(root + sep)) && file !== normalize(root);
  return inside ? file : null;
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves each directory under its URL prefix ("/pages/" → dir), and each exact path of `routes`
 * from whatever file its function names at request time (a story the test edits); anything
 * else gets 404.
 */
export async function startStaticServer(
  mounts: Record<string, string>,
  port = 0,
  routes: Record<string, () => string> = {},
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = routes[path]?.() ?? mountedFile(mounts, path);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      },
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    origin: `http://127.0.0.1:${actual}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
