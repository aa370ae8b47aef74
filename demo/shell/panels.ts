// The tool panels under the canvas: the tabs, the Cognito CSS editor and the code panel's copy button.
import { html, nothing, render } from 'lit';
import { sanitizeCustomizationCss } from '../../components/customization.js';
import { HOSTED_UI_DEFAULT_CSS } from '../hosted-ui-template.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/** Tabs as the ARIA pattern has them: one tab stop, arrow keys (mirrored right to left), Home and End. */
export function setUpTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  function selectTab(tab: HTMLButtonElement, focus = true): void {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')!).hidden = !on;
    }
    if (focus) tab.focus();
  }
  for (const tab of tabs) {
    tab.addEventListener('click', () => selectTab(tab));
    tab.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(tab);
      const rtl = getComputedStyle(tab).direction === 'rtl';
      const next = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[e.key];
      if (next !== undefined) selectTab(tabs[(i + next + tabs.length) % tabs.length]!);
      else if (e.key === 'Home') selectTab(tabs[0]!);
      else if (e.key === 'End') selectTab(tabs[tabs.length - 1]!);
      else return;
      e.preventDefault();
    });
  }
}

/** Copies the code panel's text; where the clipboard is refused, selects it for the user to copy. */
export function setUpCopy(): void {
  $('code-copy').addEventListener('click', async () => {
    const text = $('code-text').textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      $('code-status').textContent = 'Copied to the clipboard.';
    } catch {
      const range = document.createRange();
      range.selectNodeContents($('code-text'));
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      $('code-status').textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
    }
  });
}

export interface CssPanel {
  /** The CSS to apply, or '' while "Apply to the stories" is off. */
  css(): string;
}

/**
 * The Cognito CSS panel: hosted-UI CSS, preloaded with AWS's default template, applied live (after a pause in typing)
 * through `customization-css`; beside it, what the sanitizer kept and dropped, as text.
 */
export function createCssPanel(onChange: () => void): CssPanel {
  let cssText = HOSTED_UI_DEFAULT_CSS;
  let cssApplied = false;
  const cssArea = $<HTMLTextAreaElement>('css-text');
  const cssApply = $<HTMLInputElement>('css-apply');
  let cssTimer: ReturnType<typeof setTimeout> | undefined;

  function cssReport(): void {
    const result = sanitizeCustomizationCss(cssText);
    const rules = (result.css.match(/\{/g) ?? []).length;
    render(
      html`<p>
          ${cssApplied ? 'Applied' : 'Not applied'}: ${rules} ${rules === 1 ? 'rule' : 'rules'} kept${result.dropped.length
            ? html`, ${result.dropped.length} ${result.dropped.length === 1 ? 'part' : 'parts'} ignored`
            : nothing}${result.capped ? ' (input capped)' : ''}.
        </p>
        ${result.error ? html`<p class="shell-css-error">Stopped at: ${result.error}</p>` : nothing}
        ${result.dropped.length
          ? html`<ul>
              ${result.dropped.slice(0, 12).map((d) => html`<li>${d}</li>`)}
            </ul>`
          : nothing}`,
      $('css-report'),
    );
  }

  cssArea.value = cssText;
  cssArea.addEventListener('input', () => {
    cssText = cssArea.value;
    clearTimeout(cssTimer);
    cssTimer = setTimeout(() => {
      cssReport();
      if (cssApplied) onChange();
    }, 300);
  });
  cssApply.addEventListener('change', () => {
    cssApplied = cssApply.checked;
    cssReport();
    onChange();
  });
  $('css-reset').addEventListener('click', () => {
    cssText = cssArea.value = HOSTED_UI_DEFAULT_CSS;
    cssReport();
    if (cssApplied) onChange();
  });
  $('css-clear').addEventListener('click', () => {
    cssText = cssArea.value = '';
    cssReport();
    if (cssApplied) onChange();
    cssArea.focus();
  });
  cssReport();
  return { css: () => (cssApplied ? cssText : '') };
}
