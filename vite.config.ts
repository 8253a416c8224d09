import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// A static site that works from any sub-path: relative asset URLs, and the pipeline worker as an
// ES module chunk (it is referenced with `new URL(..., import.meta.url)` in src/worker/client.ts).
const EAGER_LIBRARIES = /node_modules\/(recharts|@tanstack)\//;

export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // V8's explicit compile hint: compile every function of the chart and table libraries while
        // the chunk streams in (off the main thread), instead of on first call inside a view's first
        // render, where it made opening Identity one long task of 80-130 ms (docs/decisions.md).
        postBanner: (chunk) => (chunk.moduleIds.some((id) => EAGER_LIBRARIES.test(id)) ? '//# allFunctionsCalledOnLoad' : ''),
      },
    },
  },
  preview: { port: 4173, strictPort: true },
});
