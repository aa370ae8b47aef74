/**
 * Powers of g = 2 modulo N from a fixed-base comb (Lim–Lee), since g and N never change: A = g^a (a of 1,024 bits)
 * and g^x (x of 256 bits) are then ~160 and ~60 Montgomery multiplications instead of 1,024 and 256 squarings.
 *
 * The table is not shipped (it is 1,024 numbers of 3,072 bits, ~400 KB): it is built at run time, once per page, in
 * short slices on timers, started by the first SRP session after it has computed A, so it is built while InitiateAuth
 * is in flight and never delays the sign-in that starts it. Until it is ready, and for any exponent longer than it
 * covers, powG falls back to powTwo (square and shift); both give the same number, so nothing depends on the timing.
 */
import { powTwo, R_MOD_N, redc, SRP_N as N } from './srp-math.js';

/** Bits per row: the exponent is read as ROWS words of WORD bits, one column of bits per squaring. */
const WORD = 32;
const ROWS = 32;
/** Rows per table: each table holds the 2^GROUP products of its rows' bases. */
const GROUP = 8;
const TABLES = ROWS / GROUP;
const LIMIT = 1n << BigInt(WORD * ROWS);
const HEX_DIGITS = (WORD * ROWS) / 4;
/** Montgomery steps per slice of the background build (~0.3 ms in Chromium on a laptop core). */
const SLICE = 48;

/** tables[t][i] = Montgomery form of prod over set bits k of i of 2^(2^(WORD·(GROUP·t + k))). */
let tables: bigint[][] | undefined;
let building: Promise<void> | undefined;

/** 2^e mod N for e >= 0. */
export function powG(e: bigint): bigint {
  const t = tables;
  if (!t || e >= LIMIT) return powTwo(e);
  const hex = e.toString(16).padStart(HEX_DIGITS, '0');
  const words = new Uint32Array(ROWS); // words[j]: bits WORD·j … WORD·j + WORD − 1 of e
  for (let j = 0; j < ROWS; j++) words[j] = parseInt(hex.slice(HEX_DIGITS - 8 * (j + 1), HEX_DIGITS - 8 * j), 16);
  let r = R_MOD_N;
  let started = false; // while r is 1, squaring and multiplying by it are skipped
  for (let bit = WORD - 1; bit >= 0; bit--) {
    if (started) r = redc(r * r);
    for (let g = 0; g < TABLES; g++) {
      let index = 0;
      for (let k = 0; k < GROUP; k++) index |= ((words[g * GROUP + k]! >>> bit) & 1) << k;
      if (index === 0) continue;
      r = started ? redc(r * t[g]![index]!) : t[g]![index]!;
      started = true;
    }
  }
  return redc(r);
}

/** Starts building the table in the background (once); resolves when powG uses it. */
export function prepareFixedBase(): Promise<void> {
  building ??= buildTables().catch(() => {
    // A table is only ever a speed-up: without one, powG squares.
  });
  return building;
}

const nextSlice = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function buildTables(): Promise<void> {
  let steps = 0;
  const step = async (): Promise<void> => {
    if (++steps % SLICE === 0) await nextSlice();
  };
  // bases[j] = 2^(2^(WORD·j)) in Montgomery form: WORD squarings from the one before.
  const bases = [(R_MOD_N << 1n) % N];
  for (let j = 1; j < ROWS; j++) {
    let c = bases[j - 1]!;
    for (let i = 0; i < WORD; i++) {
      c = redc(c * c);
      await step();
    }
    bases.push(c);
  }
  const built: bigint[][] = [];
  for (let g = 0; g < TABLES; g++) {
    const table = [R_MOD_N];
    for (let index = 1; index < 1 << GROUP; index++) {
      const low = 31 - Math.clz32(index & -index);
      const rest = index & (index - 1);
      const base = bases[g * GROUP + low]!;
      table.push(rest === 0 ? base : redc(table[rest]! * base));
      await step();
    }
    built.push(table);
  }
  tables = built;
}
