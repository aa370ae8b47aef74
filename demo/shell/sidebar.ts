// The sidebar: stories grouped by section and screen, a filter, and keyboard navigation (arrow keys through the
// visible entries; Right and Left open and close a screen's list). Story links are real links, so they also open in
// a new tab.
import { html, nothing, render } from 'lit';
import type { ComposedStory } from '../csf.js';

export interface Group {
  id: string;
  section: string;
  name: string;
  stories: ComposedStory[];
}

/** Groups stories by title: `Section/Screen`. */
export function groupStories(stories: ComposedStory[]): Group[] {
  const groups: Group[] = [];
  for (const story of stories) {
    const [section = '', name = story.title] = story.title.split('/');
    let group = groups.find((g) => g.section === section && g.name === name);
    if (!group) groups.push((group = { id: `group-${story.id.split('--')[0]}`, section, name, stories: [] }));
    group.stories.push(story);
  }
  return groups;
}

export interface SidebarOptions {
  groups: Group[];
  tree: HTMLElement;
  filter: HTMLInputElement;
  status: HTMLElement;
  current(): ComposedStory;
  onSelect(story: ComposedStory): void;
}

export interface Sidebar {
  render(): void;
  expand(story: ComposedStory): void;
}

export function createSidebar(o: SidebarOptions): Sidebar {
  const { groups, tree: treeEl, filter: filterInput } = o;
  const sections = [...new Set(groups.map((g) => g.section))];
  const expanded = new Set<string>();

  function matches(story: ComposedStory, query: string): boolean {
    return !query || `${story.title} ${story.name}`.toLowerCase().includes(query);
  }

  function renderTree(): void {
    const query = filterInput.value.trim().toLowerCase();
    let shown = 0;
    const tree = sections.map((section) => {
      const visible = groups
        .filter((g) => g.section === section)
        .map((g) => ({ group: g, stories: g.stories.filter((s) => matches(s, query)) }))
        .filter((g) => g.stories.length > 0);
      if (!visible.length) return nothing;
      const headingId = `section-${section.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
      return html`<h2 class="shell-section" id=${headingId}>${section}</h2>
        <ul class="shell-groups" aria-labelledby=${headingId}>
          ${visible.map(({ group, stories: list }) => {
            const open = query !== '' || expanded.has(group.id);
            shown += list.length;
            const listId = `${group.id}-stories`;
            return html`<li class="shell-group">
              <button
                type="button"
                class="shell-group-toggle"
                data-nav
                data-group=${group.id}
                aria-expanded=${open ? 'true' : 'false'}
                aria-controls=${listId}
                @click=${() => toggleGroup(group.id)}
              >
                <svg class="shell-chevron" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false"><path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" stroke-width="2" /></svg>
                <span>${group.name}</span>
                <span class="shell-count" aria-label=${`${list.length} stories`}>${list.length}</span>
              </button>
              <ul class="shell-stories" id=${listId} ?hidden=${!open}>
                ${list.map(
                  (s) => html`<li>
                    <a
                      href=${`?story=${encodeURIComponent(s.id)}`}
                      data-nav
                      data-story-id=${s.id}
                      data-group=${group.id}
                      aria-current=${s.id === o.current().id ? 'page' : 'false'}
                      @click=${(e: MouseEvent) => onStoryLink(e, s)}
                      >${s.name}</a
                    >
                  </li>`,
                )}
              </ul>
            </li>`;
          })}
        </ul>`;
    });
    render(html`${tree}`, treeEl);
    o.status.textContent = query ? (shown ? `${shown} ${shown === 1 ? 'story' : 'stories'} found` : 'No story matches') : '';
  }

  function toggleGroup(id: string, open = !expanded.has(id)): void {
    if (open) expanded.add(id);
    else expanded.delete(id);
    renderTree();
  }

  function onStoryLink(e: MouseEvent, story: ComposedStory): void {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    o.onSelect(story);
  }

  /** Arrow keys move through the visible toggles and links; Right and Left open and close a screen's stories. */
  treeEl.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (!target.matches('[data-nav]')) return;
    const items = [...treeEl.querySelectorAll<HTMLElement>('[data-nav]')].filter((el) => !el.closest('[hidden]'));
    const i = items.indexOf(target);
    const move = (to: HTMLElement | undefined) => {
      if (!to) return;
      e.preventDefault();
      to.focus();
    };
    const group = target.dataset.group ?? '';
    const toggle = () => treeEl.querySelector<HTMLElement>(`button[data-group="${CSS.escape(group)}"]`) ?? undefined;
    switch (e.key) {
      case 'ArrowDown':
        return move(items[i + 1]);
      case 'ArrowUp':
        return move(items[i - 1]);
      case 'Home':
        return move(items[0]);
      case 'End':
        return move(items[items.length - 1]);
      case 'ArrowRight':
        if (target.tagName === 'BUTTON' && target.getAttribute('aria-expanded') === 'false') {
          e.preventDefault();
          toggleGroup(group, true);
          toggle()?.focus();
        } else if (target.tagName === 'BUTTON') move(items[i + 1]);
        return;
      case 'ArrowLeft':
        if (target.tagName === 'A') return move(toggle());
        if (target.getAttribute('aria-expanded') === 'true') {
          e.preventDefault();
          toggleGroup(group, false);
          toggle()?.focus();
        }
        return;
    }
  });

  filterInput.addEventListener('input', () => renderTree());
  filterInput.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      treeEl.querySelector<HTMLElement>('[data-nav]')?.focus();
    }
  });

  return {
    render: renderTree,
    expand(story) {
      const group = groups.find((g) => g.stories.includes(story));
      if (group) expanded.add(group.id);
    },
  };
}
