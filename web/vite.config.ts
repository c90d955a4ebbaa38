import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { initialJsSizePlugin } from './build/initial-js-size';

// `npm run dev -w web`: hot reload on http://127.0.0.1:5173, the API proxied to a running
// Rapport server (`npm start`, or RAPPORT_API_URL for another address).
const apiTarget = process.env.RAPPORT_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react(), initialJsSizePlugin()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 700,
  },
});
