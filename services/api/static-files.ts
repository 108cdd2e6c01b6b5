// The dashboard's files: Vite names every built asset after a hash of its content, so an asset
// never changes under its name and browsers may keep it for a year without asking again;
// index.html names the current assets, so it is revalidated on every load (no-cache: a cached copy
// is used only after the server confirms it with its ETag).
import express, { type Response, type Router } from 'express';
import { basename, join } from 'node:path';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** A file Vite wrote under assets/ with a content hash in its name (index-DTYhKH52.js). */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[\w-]{8,}\.[\w.]+$/;

function cacheHeaders(res: Response, path: string): void {
  if (HASHED_ASSET.test(path)) res.setHeader('Cache-Control', IMMUTABLE);
  else if (basename(path) === 'index.html') res.setHeader('Cache-Control', REVALIDATE);
}

/** The built dashboard, and index.html for every client-side route outside /api. */
export function dashboardFiles(dashboardDir: string): Router {
  const router = express.Router();
  router.use(
    express.static(dashboardDir, {
      index: 'index.html',
      maxAge: '1h',
      setHeaders: cacheHeaders,
    }),
  );
  router.get(/^\/(?!api\/).*/, (_req, res) => {
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(join(dashboardDir, 'index.html'));
  });
  return router;
}
