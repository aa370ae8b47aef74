// `npm run bench -- customization`: the customization-css sanitizer on adversarial 32 KB inputs
// (test/fixtures/hostile-css.ts, bundled by bench/customization-page.ts), slowest first, against its 50 ms ceiling.
import { kb } from './size.js';
import { round } from './bench-util.js';

const CUSTOMIZATION_RUNS = 5;
const CUSTOMIZATION_CEILING_MS = 50;

/** The customization-css sanitizer on adversarial 32 KB inputs (test/fixtures/hostile-css.ts): the slowest ones. */
export async function benchCustomization(context) {
  const page = await context.openPage('customization-page.ts');
  const result = await page.evaluate((n) => window.runCustomizationBench(n), CUSTOMIZATION_RUNS);
  await page.close();
  const slowest = [...result].sort((a, b) => b.ms - a.ms);
  const worst = slowest[0];
  return {
    rows: slowest.slice(0, 3).map((r, k) => ({
      bench: `customization-css: ${r.name} (${kb(r.inputChars)} in, ${kb(r.outputChars)} out)`,
      ours: `${round(r.ms)} ms`,
      ...(k === 0 ? { target: `< ${CUSTOMIZATION_CEILING_MS} ms ${worst.ms < CUSTOMIZATION_CEILING_MS ? 'ok' : 'OVER'}` } : {}),
    })),
    json: {
      unit: 'ms, fastest of runs',
      runs: CUSTOMIZATION_RUNS,
      worstMs: round(worst.ms),
      worstInput: worst.name,
      ceilingMs: CUSTOMIZATION_CEILING_MS,
      inputs: result.map((r) => ({ ...r, ms: round(r.ms) })),
      date: new Date().toISOString(),
    },
  };
}
