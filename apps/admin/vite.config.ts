import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The Grif web UI. Built into apps/admin/dist, which the API serves at `/`.
 * Run from the repository root: `npx vite build --config apps/admin/vite.config.ts`.
 * The dev server proxies the API; point it elsewhere with GRIF_API_TARGET
 * (default http://localhost:3000).
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
/**
 * The contract of the API (roles, marks, states, error codes, event JSON schemas) is bundled from
 * libs/contracts, which reads libs/domain and the machine-free modules of workflows/ (document, breach-case, acts).
 */
const contracts = repo('libs/contracts/src');
const domain = repo('libs/domain/src');
const target = process.env.GRIF_API_TARGET ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  resolve: { alias: { '@grif/contracts': contracts, '@grif/domain': domain } },
  // Keep Vite's dependency cache with the repository's node_modules, not beside the sources.
  cacheDir: repo('node_modules/.vite/admin'),
  // Vite 8 compiles TSX itself with Oxc: React 17+ automatic runtime, no plugin needed.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in the build the API serves: they would publish the UI's source to anyone (issue 10).
    sourcemap: false,
  },
  server: {
    port: 5173,
    // The machine-free modules of workflows/ that libs/contracts reads (document; breach-case, which reads acts).
    fs: {
      allow: [
        root,
        contracts,
        domain,
        repo('workflows/document'),
        repo('workflows/breach-case'),
        repo('workflows/acts'),
      ],
    },
    proxy: {
      '/api': { target, changeOrigin: false },
      '/health': { target, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target, changeOrigin: false },
      '/health': { target, changeOrigin: false },
    },
  },
});
