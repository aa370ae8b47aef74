/**
 * Browser side of the customization-css bench (bundled by scripts/bench.js): the sanitizer on each adversarial
 * 32 KB input of test/fixtures/hostile-css.ts, the fastest of `runs` timings each (a GC pause hits one run, not all).
 */
import { sanitizeCustomizationCss } from '../components/customization.js';
import { ADVERSARIAL } from '../test/fixtures/hostile-css.js';

export interface CustomizationBenchRow {
  name: string;
  inputChars: number;
  outputChars: number;
  steps: number;
  ms: number;
}

function run(runs: number): CustomizationBenchRow[] {
  return Object.entries(ADVERSARIAL).map(([name, css]) => {
    let ms = Infinity;
    let outputChars = 0;
    const stats = { steps: 0 };
    for (let n = 0; n < runs; n++) {
      const started = performance.now();
      outputChars = sanitizeCustomizationCss(css, { scope: 'cognito-authenticator[data-cognito-scope="b1"]', stats }).css.length;
      ms = Math.min(ms, performance.now() - started);
    }
    return { name, inputChars: css.length, outputChars, steps: stats.steps, ms };
  });
}

(window as unknown as { runCustomizationBench: typeof run }).runCustomizationBench = run;
