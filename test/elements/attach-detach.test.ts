// An authenticator that is removed from the page leaves nothing behind (issue 17: many authenticators on one page, and
// pages that attach and detach them): no listener on a page-wide target (window, document, the shared token store,
// any EventTarget that is not inside the element) and no pending timer outlives it. Counted, not timed: listeners and
// timers are tracked from before the element's module is loaded, and counted after a warm-up cycle and after 30 more.
// `npm run bench -- scale` measures the heap over 200 cycles in Chromium (CDP) as well.
export {};

/** Live listeners on targets that outlive an element: anything that is not a Node, plus window and document. */
const pageWide = new Map<EventTarget, Set<string>>();
const ids = new WeakMap<object, number>();
let nextId = 0;
const idOf = (o: object) => (ids.has(o) ? ids.get(o)! : (ids.set(o, ++nextId), nextId));
const isPageWide = (t: EventTarget) => !(t instanceof Node) || t === document;
const keyOf = (type: string, listener: unknown, options: unknown) => {
  const capture = typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean } | undefined)?.capture);
  return `${type}|${listener && typeof listener === 'object' || typeof listener === 'function' ? idOf(listener as object) : 'null'}|${capture}`;
};
const { addEventListener: add, removeEventListener: remove } = EventTarget.prototype;
EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
  if (isPageWide(this) && listener) {
    const once = typeof options === 'object' && options?.once;
    if (!once) {
      let set = pageWide.get(this);
      if (!set) pageWide.set(this, (set = new Set()));
      set.add(keyOf(type, listener, options));
    }
  }
  return add.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
  if (listener) pageWide.get(this)?.delete(keyOf(type, listener, options));
  return remove.call(this, type, listener, options);
};
const listenerCount = () => [...pageWide.values()].reduce((n, set) => n + set.size, 0);

/** Pending timers: setTimeout until it fires or is cleared, setInterval until cleared. */
const pending = new Set<number>();
const { setTimeout: st, clearTimeout: ct, setInterval: si, clearInterval: ci } = window;
window.setTimeout = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
  const id: number = st(
    (...a: unknown[]) => {
      pending.delete(id);
      if (typeof handler === 'function') (handler as (...x: unknown[]) => void)(...a);
    },
    timeout,
    ...args,
  );
  pending.add(id);
  return id;
}) as typeof window.setTimeout;
window.clearTimeout = ((id?: number) => {
  if (id !== undefined) pending.delete(id);
  ct(id);
}) as typeof window.clearTimeout;
window.setInterval = ((handler: TimerHandler, timeout?: number, ...args: unknown[]) => {
  const id: number = si(handler, timeout, ...args);
  pending.add(id);
  return id;
}) as typeof window.setInterval;
window.clearInterval = ((id?: number) => {
  if (id !== undefined) pending.delete(id);
  ci(id);
}) as typeof window.clearInterval;

// Only now the elements (a static import would run before the tracking above).
const { expect } = await import('chai');
await import('../../components/index.js');
const { until } = await import('../support/until.js');

/** An authenticator on a pool nothing answers for (no request is ever sent), attached to the page. */
function attached(): HTMLElementTagNameMap['cognito-authenticator'] {
  const el = document.createElement('cognito-authenticator');
  for (const [k, v] of Object.entries({ endpoint: 'http://127.0.0.1:9', 'user-pool-id': 'us-east-1_TestPool1', 'client-id': 'testclient123', storage: 'memory', lang: 'en' })) {
    el.setAttribute(k, v);
  }
  document.body.append(el);
  return el;
}

/** One cycle: create, attach, wait for its usable sign-in form, detach; then let queued work (microtasks, a task) run. */
async function cycle(): Promise<void> {
  const el = attached();
  await until(() => el.querySelector('cognito-sign-in form input[name="username"]') !== null, 'the sign-in form');
  el.remove();
  await new Promise((resolve) => st(resolve, 0));
}

/** Waits until no timer is pending that was not pending before (a timer may legitimately finish its work). */
async function timersSettle(baseline: number): Promise<number> {
  await until(() => pending.size <= baseline, `pending timers back to ${baseline} (now ${pending.size})`).catch(() => undefined);
  return pending.size;
}

describe('attaching and detaching <cognito-authenticator>', () => {
  it('leaves no page-wide listener and no pending timer behind, however many times', async () => {
    await cycle(); // warm-up: chunks, shared stores and caches created once per page
    const listenersAfterOne = listenerCount();
    const timersAfterOne = await timersSettle(pending.size);
    for (let i = 0; i < 30; i++) await cycle();
    expect(listenerCount(), `page-wide listeners: ${listenersAfterOne} after one cycle, then after 31`).to.equal(listenersAfterOne);
    expect(await timersSettle(timersAfterOne), 'pending timers after 31 cycles').to.be.at.most(timersAfterOne);
  });

  it('re-added in a later task, it starts again: its sign-in form is back and it answers', async () => {
    const el = attached();
    await until(() => el.querySelector('cognito-sign-in form') !== null, 'the sign-in form');
    el.remove();
    await new Promise((resolve) => st(resolve, 0));
    expect(el.flow, 'stopped once removed').to.equal(undefined);
    document.body.append(el);
    await until(() => el.flow !== undefined && el.querySelector('cognito-sign-in form input[name="username"]') !== null, 'a new engine and the form');
    el.querySelector<HTMLButtonElement>('[data-action="sign-up"]')!.click();
    await until(() => el.getAttribute('screen') === 'sign-up', 'the sign-up screen, driven by the new engine');
    el.remove();
  });
});
