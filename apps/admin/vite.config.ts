import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The Grif web UI. Built into apps/admin/dist, which the API serves at `/`.
 * Run from the repository root: `npx vite build --config apps/admin/vite.config.ts`.
 * The dev server proxies the API; point it elsewhere with GRIF_API_TARGET
 * (default http://localhost:3000).
 */
const root = fileURLToPath(new URL('.', import.meta.url));
/** The Regulation's rule texts are bundled from libs/domain (pure data, no imports). */
const domainSrc = fileURLToPath(new URL('../../libs/domain/src', import.meta.url));
const target = process.env.GRIF_API_TARGET ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
  // Keep Vite's dependency cache with the repository's node_modules, not beside the sources.
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite/admin', import.meta.url)),
  // Vite 8 compiles TSX itself with Oxc: React 17+ automatic runtime, no plugin needed.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    port: 5173,
    fs: { allow: [root, domainSrc] },
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
