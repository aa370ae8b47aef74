// The issue-18 stories render, run their play functions without an error, and are axe-clean: the stories are the
// designer's screenshots, so they must show what they say (the built demo's e2e test checks every story again).
import { expect } from 'chai';
import { render } from 'lit';
import '../../components/index.js';
import { composeStories, type ComposedStory } from '../../demo/csf.js';
import * as fields from '../../demo/stories/shape-fields.stories.js';
import * as signIn from '../../demo/stories/shape-sign-in.stories.js';
import * as slots from '../../demo/stories/shape-slots.stories.js';
import { until } from '../support/until.js';
import { expectAccessible } from './helpers.js';

const stories: ComposedStory[] = [fields, slots, signIn].flatMap((m) => composeStories(m as never));

describe('issue 18 stories', () => {
  let canvas: HTMLElement;
  beforeEach(() => {
    canvas = document.createElement('div');
    document.body.append(canvas);
  });
  afterEach(() => canvas.remove());

  for (const story of stories) {
    it(`${story.title} / ${story.name}`, async () => {
      const context = { id: story.id, name: story.name, title: story.title, args: story.args, canvasElement: canvas };
      const result = story.render(story.args, context);
      if (result instanceof Node) canvas.append(result);
      else render(result, canvas);
      const form = await until(() => canvas.querySelector('form'), 'a form');
      await story.play?.(context);
      expect(form.isConnected).to.equal(true);
      await expectAccessible(canvas);
    });
  }

  it('the slots story shows the page\'s content in place', async () => {
    const story = stories.find((s) => s.exportName === 'Slots')!;
    canvas.append(story.render(story.args, { id: story.id, name: story.name, title: story.title, args: story.args, canvasElement: canvas }) as Node);
    const form = await until(() => canvas.querySelector('cognito-sign-in form'), 'the sign-in form');
    await until(() => form.querySelector('[data-slot="before-submit"] input[name="trust_device"]'), 'the before-submit content');
    expect(form.querySelector('[data-slot="header"]')!.textContent).to.contain('Welcome back');
    expect(form.querySelector('[data-slot="footer"]')!.textContent).to.contain('Contact support');
  });

  it('the messages story shows the messages under the fields', async () => {
    const story = stories.find((s) => s.exportName === 'Messages')!;
    const context = { id: story.id, name: story.name, title: story.title, args: story.args, canvasElement: canvas };
    canvas.append(story.render(story.args, context) as Node);
    await until(() => canvas.querySelector('form'), 'the form');
    await story.play!(context);
    await until(() => canvas.querySelectorAll('.cognito-field-error').length >= 2, 'the messages');
    const texts = [...canvas.querySelectorAll('.cognito-field-error')].map((m) => m.textContent!.trim());
    expect(texts).to.include('Tick this box to continue.');
    expect(texts).to.include('Enter a valid phone number.');
  });
});
