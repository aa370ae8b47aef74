// Where a cold load's time goes, read from a Chromium trace (categories TRACE_CATEGORIES) of a page whose detector
// calls performance.mark('interactive') (scripts/bench-load.js). Used by `npm run bench -- load` on a few extra,
// traced loads, so that tracing does not distort the timed figure.
//
// On the renderer main thread that made the mark, from its navigationStart (t0; performance.now() counts from there):
//   script arrives  t0 -> the renderer's ResourceFinish of the page's script (`network` is the finishTime the network
//                   stack reported; a gap between the two is the main thread being busy elsewhere)
// and then, from the script's arrival to the mark, every moment of the main thread goes to the innermost of:
//   evaluate        v8.evaluateModule (the module's top level)
//   render          RunMicrotasks (Lit's first render runs there), less the style/layout/parse it forces
//   style           UpdateLayoutTree (style recalc), forced or not
//   layout          Layout, forced or not
//   parse           ParseHTML
//   other           the rest: idle (waiting on the network or a frame), and tasks of other kinds
// so that script arrives + evaluate + render + style + layout + parse + other = the total (t0 -> mark). What the main
// thread did before the script arrived is kept in the JSON as `beforeArrival`. An event missing from a trace makes
// that part null ("n/a"), never an error.
import { median, round } from './bench-util.js';

export const TRACE_CATEGORIES = ['devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading'];

const KINDS = { 'v8.evaluateModule': 'evaluate', RunMicrotasks: 'render', UpdateLayoutTree: 'style', Layout: 'layout', ParseHTML: 'parse' };
const PARTS = ['evaluate', 'render', 'style', 'layout', 'parse'];

/** Complete ('X') events of one thread; 'B'/'E' pairs are joined into the same shape. */
function spans(events, pid, tid) {
  const out = [];
  const open = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid || !(e.name in KINDS)) continue;
    if (e.ph === 'X' && typeof e.dur === 'number') out.push({ kind: KINDS[e.name], start: e.ts, end: e.ts + e.dur });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const begin = open.findLast((b) => b.name === e.name);
      if (begin) open.splice(open.indexOf(begin), 1), out.push({ kind: KINDS[e.name], start: begin.ts, end: e.ts });
    }
  }
  return out;
}

/** Microseconds of [from, to) by kind, each moment to the innermost span covering it (spans nest on one thread). */
function attribute(all, from, to) {
  const sums = Object.fromEntries(PARTS.map((p) => [p, 0]));
  const inside = all.filter((s) => s.end > from && s.start < to);
  const edges = [...new Set([from, to, ...inside.flatMap((s) => [s.start, s.end])])].filter((t) => t >= from && t <= to).sort((a, b) => a - b);
  for (let i = 1; i < edges.length; i++) {
    const mid = (edges[i - 1] + edges[i]) / 2;
    let innermost;
    for (const s of inside) {
      if (s.start <= mid && mid < s.end && (!innermost || s.start > innermost.start || (s.start === innermost.start && s.end < innermost.end))) innermost = s;
    }
    if (innermost) sums[innermost.kind] += edges[i] - edges[i - 1];
  }
  return sums;
}

/** The breakdown (ms) of one trace, or null without an 'interactive' mark; `script` is the script's file name. */
export function breakdownOf(trace, script) {
  const events = Array.isArray(trace) ? trace : (trace?.traceEvents ?? []);
  const mark = events.filter((e) => e.name === 'interactive' && e.cat?.includes('blink.user_timing')).sort((a, b) => a.ts - b.ts)[0];
  if (!mark) return null;
  const navigationId = mark.args?.data?.navigationId;
  const navigation = events
    .filter((e) => e.name === 'navigationStart' && e.pid === mark.pid && e.ts <= mark.ts)
    .sort((a, b) => Number(b.args?.data?.navigationId === navigationId) - Number(a.args?.data?.navigationId === navigationId) || b.ts - a.ts)[0];
  // Without navigationStart, the mark's own startTime (ms since the time origin) gives t0.
  const startTime = mark.args?.data?.startTime;
  const t0 = navigation?.ts ?? (typeof startTime === 'number' ? mark.ts - startTime * 1000 : undefined);
  if (t0 === undefined) return null;

  const requestIds = new Set(
    events
      .filter((e) => e.name === 'ResourceSendRequest' && String(e.args?.data?.url ?? '').split(/[?#]/)[0].endsWith(`/${script}`))
      .map((e) => e.args.data.requestId),
  );
  const finish = events.filter((e) => e.name === 'ResourceFinish' && requestIds.has(e.args?.data?.requestId) && e.ts >= t0).sort((a, b) => a.ts - b.ts)[0];
  const arrival = finish && finish.ts <= mark.ts ? finish.ts : undefined;
  const networkDone = finish?.args?.data?.finishTime ? finish.args.data.finishTime * 1e6 - t0 : undefined;

  const all = spans(events, mark.pid, mark.tid);
  const after = attribute(all, arrival ?? t0, mark.ts);
  const before = arrival === undefined ? null : attribute(all, t0, arrival);
  const ms = (us) => us / 1000;
  const total = mark.ts - t0;
  const accounted = (arrival === undefined ? 0 : arrival - t0) + PARTS.reduce((sum, p) => sum + after[p], 0);
  return {
    totalMs: ms(total),
    scriptArrivesMs: arrival === undefined ? null : ms(arrival - t0),
    scriptNetworkDoneMs: networkDone === undefined ? null : ms(networkDone),
    ...Object.fromEntries(PARTS.map((p) => [`${p}Ms`, ms(after[p])])),
    otherMs: ms(total - accounted),
    beforeArrival: before && Object.fromEntries(PARTS.map((p) => [`${p}Ms`, ms(before[p])])),
  };
}

/** Per field, the median of the traces that have it (rounded), or null. */
export function medianBreakdown(list) {
  const present = list.filter(Boolean);
  const pick = (get) => {
    const values = present.map(get).filter((v) => typeof v === 'number' && Number.isFinite(v));
    return values.length ? round(median(values)) : null;
  };
  const fields = ['totalMs', 'scriptArrivesMs', 'scriptNetworkDoneMs', ...PARTS.map((p) => `${p}Ms`), 'otherMs'];
  return {
    traces: list.length,
    tracesWithMark: present.length,
    ...Object.fromEntries(fields.map((f) => [f, pick((b) => b[f])])),
    beforeArrival: Object.fromEntries(PARTS.map((p) => [`${p}Ms`, pick((b) => b.beforeArrival?.[`${p}Ms`])])),
  };
}

/** The table's compact string, e.g. "script arrives 38.1 ms (network 20.2), evaluate 7.3, render (microtasks) 17, …". */
export function describeBreakdown(b) {
  const v = (n) => (n === null || n === undefined ? 'n/a' : n.toFixed(1));
  const network = b.scriptNetworkDoneMs === null ? '' : ` (network ${v(b.scriptNetworkDoneMs)})`;
  return (
    `script arrives ${v(b.scriptArrivesMs)} ms${network}, evaluate ${v(b.evaluateMs)}, render (microtasks) ${v(b.renderMs)}, ` +
    `style ${v(b.styleMs)}, layout ${v(b.layoutMs)}, parse ${v(b.parseMs)}, other ${v(b.otherMs)}; total ${v(b.totalMs)}`
  );
}
