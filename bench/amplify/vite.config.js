import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// A production build, as an app would ship it: `npm run build` here (scripts/bench.js does it) writes dist/.
export default defineConfig({
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false },
});
