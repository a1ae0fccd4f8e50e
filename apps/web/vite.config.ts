import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is served by the gateway under /app/ (gateway/src/web-app/), from dist/.
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  // exceljs (~930 KB, loaded only when someone exports) is the largest chunk on purpose.
  build: { outDir: 'dist', manifest: true, sourcemap: false, chunkSizeWarningLimit: 1000 },
});
