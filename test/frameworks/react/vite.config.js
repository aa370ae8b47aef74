import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// base './': the built page works from any folder (the test server serves it from test/frameworks/react/dist/).
export default defineConfig({ base: './', plugins: [react()] });
