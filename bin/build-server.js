// Compiles the server (app/main.ts and everything it imports from app/, services/, workers/ and
// shared/) into JavaScript under dist/server, so that `hipcheck` starts without transpiling
// TypeScript on every run. Run by `npm install`'s prepare and by `npm run build`.
//
// Each command's modules stay in their own chunks behind the dynamic imports of app/main.ts, so
// `hipcheck inspect` loads the parsers and never the API, the queue or the database driver.
// Packages from node_modules stay external: Node loads them as installed.
//
// A bundled module's `import.meta.url` would name its chunk in dist/server; the few modules that
// find files beside their source (migrations, the dashboard's build) get their source file's URL
// instead, so those paths are the same compiled or not.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'server');

/** `import.meta.url` → the URL of the source file, computed from the chunk's own URL. */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return { contents: source, loader: 'ts' };
      const fromChunk = relative(outdir, args.path).split('\\').join('/');
      const url = `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
    });
  },
};

const started = Date.now();
await build({
  absWorkingDir: root,
  // The parsing thread of a bulk import is an entry of its own (a file a Worker can start).
  entryPoints: { main: 'app/main.ts', 'parse-worker': 'services/ingest/parse-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  // Chunks beside main.js: every output file sits in outdir, as sourceUrls assumes.
  chunkNames: '[name]-[hash]',
  logLevel: 'warning',
  plugins: [sourceUrls],
});
if (!process.argv.includes('--quiet')) {
  process.stdout.write(`server compiled into dist/server in ${Date.now() - started} ms\n`);
}
