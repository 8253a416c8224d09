import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// A static site that works from any sub-path: relative asset URLs, and the pipeline worker as an
// ES module chunk (it is referenced with `new URL(..., import.meta.url)` in src/worker/client.ts).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  preview: { port: 4173, strictPort: true },
});
