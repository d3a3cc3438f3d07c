import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The staff app: served by the API server under /app/, built into dist/web.
export default defineConfig({
  root: 'web',
  base: '/app/',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true, sourcemap: false },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
