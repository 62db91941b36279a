/**
 * The web chat page: a few fixed files from public/ and Web Chat's own bundle, served from
 * node_modules (no CDN). Only these named files are served, so no path can reach elsewhere.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { PROJECT_ROOT } from '../util/projectRoot';

export const PUBLIC_DIR = join(PROJECT_ROOT, 'public');

interface StaticFile {
  readonly path: string;
  readonly contentType: string;
}

const FILES: Record<string, StaticFile> = {
  '/': { path: join(PUBLIC_DIR, 'index.html'), contentType: 'text/html; charset=utf-8' },
  '/chat.js': { path: join(PUBLIC_DIR, 'chat.js'), contentType: 'text/javascript; charset=utf-8' },
  '/style.css': { path: join(PUBLIC_DIR, 'style.css'), contentType: 'text/css; charset=utf-8' },
  // The package exports only its module entry; its UMD bundle sits in dist/ beside lib/.
  '/webchat.js': { path: join(dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js'), contentType: 'text/javascript; charset=utf-8' },
};

/** What the page needs to know to connect: the local Direct Line, or a token from Azure's. */
export interface ChatConfig {
  readonly mode: 'local' | 'azure';
}

export function registerStaticRoutes(server: Server, config: ChatConfig): void {
  // Files are read once and kept: they are small, but for Web Chat's bundle (about 4 MB).
  const cache = new Map<string, Buffer>();
  for (const [route, file] of Object.entries(FILES)) {
    server.get(route, async (_req: Request, res: Response) => {
      let body = cache.get(route);
      if (!body) cache.set(route, (body = readFileSync(file.path)));
      res.writeHead(200, { 'Content-Type': file.contentType, 'Content-Length': body.length, 'Cache-Control': 'no-cache' });
      res.end(body);
    });
  }
  server.get('/api/chat-config', async (_req: Request, res: Response) => {
    res.send(200, config);
  });
}
