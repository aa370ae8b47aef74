// Component Story Format 3, the subset these stories use, typed here so the demo needs no Storybook dependency. The
// same modules load unchanged in a user's own Storybook (@storybook/web-components or html renderer): a default
// export (meta) and named story objects with `args`, `render` and `play`.
import { render as litRender, type TemplateResult } from 'lit';

export type Args = Record<string, unknown>;

export interface ArgType {
  name?: string;
  description?: string;
  control?: { type: 'select' | 'radio' | 'text' | 'boolean' } | false;
  options?: readonly string[];
  /** Labels for `options`, keyed by option (Storybook's `control.labels` lives here in older versions). */
  labels?: Record<string, string>;
  table?: { category?: string; disable?: boolean };
}

export interface StoryContext<A extends Args = Args> {
  id: string;
  name: string;
  title: string;
  args: A;
  /** The element the story renders into. */
  canvasElement: HTMLElement;
}

export type RenderResult = HTMLElement | DocumentFragment | TemplateResult;

export interface SourceParameters<A extends Args = Args> {
  docs?: { source?: { language?: string; transform?: (code: string, context: Pick<StoryContext<A>, 'args' | 'id' | 'name' | 'title'>) => string } };
}

export interface Meta<A extends Args = Args> {
  title: string;
  /** The custom element tag the stories show (Storybook reads its custom-elements.json entry). */
  component?: string;
  args?: Partial<A>;
  argTypes?: Partial<Record<keyof A & string, ArgType>>;
  render?: (args: A, context: StoryContext<A>) => RenderResult;
  parameters?: SourceParameters<A> & Record<string, unknown>;
  tags?: string[];
}

export interface StoryObj<A extends Args = Args> {
  name?: string;
  args?: Partial<A>;
  argTypes?: Partial<Record<keyof A & string, ArgType>>;
  render?: (args: A, context: StoryContext<A>) => RenderResult;
  /** Runs after the story has rendered (Storybook runs it too): types into fields, as a user would. */
  play?: (context: StoryContext<A>) => void | Promise<void>;
  parameters?: SourceParameters<A> & Record<string, unknown>;
  tags?: string[];
}

/** A stories module as `import * as m from './x.stories.js'` gives it. */
export interface StoriesModule {
  default: Meta<never>;
  [exportName: string]: unknown;
}

/** One story, ready to render: its meta and story merged as Storybook merges them. */
export interface ComposedStory {
  id: string;
  title: string;
  name: string;
  exportName: string;
  component?: string;
  args: Args;
  argTypes: Record<string, ArgType>;
  render: (args: Args, context: StoryContext) => RenderResult;
  play?: (context: StoryContext) => void | Promise<void>;
  parameters: SourceParameters & Record<string, unknown>;
}

/** Storybook's id rule: title and story name lower-cased, runs of other characters turned into one dash. */
export function sanitize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Storybook's default story name for an export: `ServerError` -> `Server Error`. */
export function storyNameFromExport(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .replace(/^./, (c) => c.toUpperCase())
    .trim();
}

/**
 * A module namespace lists its exports alphabetically, so without Storybook's `__namedExportsOrder` (its compiler adds
 * it from the source order) the states come in journey order first: empty, filled, invalid, busy, server error.
 */
const STATE_ORDER = ['Empty', 'Filled', 'Invalid', 'Busy', 'ServerError'];
function canonicalOrder(keys: string[]): string[] {
  const rank = (k: string) => (STATE_ORDER.includes(k) ? STATE_ORDER.indexOf(k) : STATE_ORDER.length);
  return [...keys].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function isStory(value: unknown): value is StoryObj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every story of a module, in export order (Storybook's order), skipping `__namedExportsOrder` and non-stories. */
export function composeStories(module: StoriesModule): ComposedStory[] {
  const meta = module.default as unknown as Meta;
  const order = (module as { __namedExportsOrder?: string[] }).__namedExportsOrder ?? canonicalOrder(Object.keys(module));
  const stories: ComposedStory[] = [];
  for (const key of order) {
    if (key === 'default' || key === '__namedExportsOrder') continue;
    const story = module[key];
    if (!isStory(story)) continue;
    const render = story.render ?? meta.render;
    if (!render) throw new Error(`${meta.title}/${key}: no render function`);
    stories.push({
      id: `${sanitize(meta.title)}--${sanitize(storyNameFromExport(key))}`,
      title: meta.title,
      name: story.name ?? storyNameFromExport(key),
      exportName: key,
      // A story may show another element than its meta's (parameters.component, as Storybook's docs addons read it).
      component: (typeof story.parameters?.component === 'string' ? story.parameters.component : undefined) ?? meta.component,
      args: { ...(meta.args ?? {}), ...(story.args ?? {}) },
      argTypes: { ...(meta.argTypes ?? {}), ...(story.argTypes ?? {}) } as Record<string, ArgType>,
      render: render as ComposedStory['render'],
      play: story.play as ComposedStory['play'],
      parameters: { ...(meta.parameters ?? {}), ...(story.parameters ?? {}) },
    });
  }
  return stories;
}

type Updatable = Element & { updateComplete?: Promise<unknown> };

/** Waits until every Lit element under `root` has rendered, including ones that render further elements. */
export async function settled(root: Element): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const pending = [...root.querySelectorAll<Updatable>('*')].map((el) => el.updateComplete).filter(Boolean);
    if (pending.length === 0) return;
    const again = await Promise.all(pending);
    if (again.every((done) => done === true)) return;
  }
}

/** The tiny renderer: renders a composed story into `canvas` and runs its play function. */
export async function renderStory(story: ComposedStory, canvas: HTMLElement, args: Args): Promise<StoryContext> {
  const context: StoryContext = { id: story.id, name: story.name, title: story.title, args, canvasElement: canvas };
  const result = story.render(args, context);
  if (result instanceof Node) canvas.replaceChildren(result);
  else {
    canvas.replaceChildren();
    litRender(result, canvas);
  }
  await settled(canvas);
  if (story.play) {
    await story.play(context);
    await settled(canvas);
  }
  return context;
}

/** The HTML that produces a story, from its docs source parameter. */
export function storySource(story: ComposedStory, args: Args): string {
  const transform = story.parameters.docs?.source?.transform;
  return transform ? transform('', { args, id: story.id, name: story.name, title: story.title }) : '';
}
