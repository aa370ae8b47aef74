import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  // The built page works from any folder (the test server serves it from test/frameworks/vue/dist/).
  base: './',
  plugins: [
    // Tell Vue's compiler the cognito-* tags are custom elements: it then sets bound values as DOM properties when the
    // element has them (`:config`, `:form-fields`) and listens for their events as they are named.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('cognito-') } } }),
  ],
});
