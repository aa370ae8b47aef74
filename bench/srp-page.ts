/** Chromium side of the SRP benchmark (bench/srp-work.ts), bundled by scripts/bench.js. */
import { runSrpBench } from './srp-work.js';

declare global {
  interface Window {
    runSrpBench: typeof runSrpBench;
  }
}
window.runSrpBench = runSrpBench;
