/** Node side of the SRP benchmark (bench/srp-work.ts): scripts/bench.js bundles this for Node and imports it. */
export { runSrpBench } from './srp-work.js';
