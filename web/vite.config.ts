import { defineConfig } from 'vite';

// `vite build web` writes web/dist, which `dateline serve` serves. `vite web` (dev) proxies
// the API to a `dateline serve` on port 8080.
const api = ['/health', '/analyze', '/documents', '/entities', '/attributions', '/events', '/places', '/graph', '/search', '/openapi.json'];

export default defineConfig({
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: { proxy: Object.fromEntries(api.map((p) => [p, 'http://127.0.0.1:8080'])) },
});
