// `import css from '../themes/base.css?inline'` gives the file's text (Vite does this natively; the test server
// through a small plugin in web-test-runner.config.js). The themes/*.css files stay the single source of truth.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
