import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'pages');

/** What the server answers for an URL: a fixture file, or inline content. */
export type Route = { file: string } | { body: string | Buffer; type?: string };

const IMAGE = /\.(svg|png|jpe?g|gif|ico|webp)$/i;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.pdf': 'application/pdf' };

/** The hosts the browser resolves to the fixture server. */
export const MAPPED_HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'usenix.org', 'www.usenix.org', 'example.com'];

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'paper-notes-cert-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=paper-notes-fixtures',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * An HTTPS server answering for arxiv.org, usenix.org and example.com (by Host header) with our
 * fixture pages; everything else is a 404, which real pages' stylesheets and scripts get too.
 */
export class FixtureServer {
  private routes = new Map<string, Route>();
  private server: Server | undefined;
  readonly requests: string[] = [];
  /** How long a request for an image waits for its 404 (0: none; see bench/run.ts). */
  imageDelayMs = 0;
  /** The port it listens on, once started. */
  port = 0;

  /** Serves `route` at `url` (scheme ignored; query and fragment ignored). */
  route(url: string, route: Route): this {
    const { host, pathname } = new URL(url);
    this.routes.set(host + pathname, route);
    return this;
  }

  async start(): Promise<number> {
    this.server = createServer(selfSignedCertificate(), (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      const path = new URL(req.url ?? '/', 'https://x').pathname;
      this.requests.push(host + path);
      const route = this.routes.get(host + path);
      if (!route) {
        const notFound = () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        if (this.imageDelayMs && IMAGE.test(path)) setTimeout(notFound, this.imageDelayMs);
        else notFound();
        return;
      }
      const body = 'file' in route ? readFileSync(join(FIXTURES, route.file)) : route.body;
      const type = 'file' in route ? TYPES[extname(route.file)] : route.type;
      res.writeHead(200, { 'content-type': type ?? 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
