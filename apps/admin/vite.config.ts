import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The Grif web UI. Built into apps/admin/dist, which the API serves at `/`.
 * Run from the repository root: `npx vite build --config apps/admin/vite.config.ts`.
 * The dev server proxies the API; point it elsewhere with GRIF_API_TARGET
 * (default http://localhost:3000).
 */
const root = fileURLToPath(new URL('.', import.meta.url));
const target = process.env.GRIF_API_TARGET ?? 'http://localhost:3000';

export default defineConfig({
  root,
  base: '/',
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
