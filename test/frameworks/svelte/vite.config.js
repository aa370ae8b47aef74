import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

// base './': the built page works from any folder (the test server serves it from test/frameworks/svelte/dist/).
export default defineConfig({ base: './', plugins: [svelte()] });
