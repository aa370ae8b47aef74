import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AccountFlow, AccountState, PendingVerification, ProfileState } from '../../src/account/index.js';
import { attributeInput } from '../parts/attributes.js';
import { codeField, deliveryText } from '../parts/code-field.js';
import { errorBanner, fieldLabel } from '../parts/form.js';
import { button, loading, onSubmit, sectionStatus } from './parts.js';
import { AccountSectionElement } from './section.js';

type Contact = 'email' | 'phone_number';
const isContact = (name: string): name is Contact => name === 'email' || name === 'phone_number';

/**
 * @summary Account section "Profile": the user's attributes the page lets them edit (`attributes`, standard and
 * `custom:`; default the authenticator's `sign-up-attributes`), saved with UpdateUserAttributes. A changed email or
 * phone number is sent a code: it shows as not verified, with the code field and "Send a new code", until verified.
 * @fires cognito-account-updated - detail: { change: 'profile', attributes } after a save; { change: 'email-verified' } or 'phone_number-verified'
 * @fires cognito-error - detail: { code, message, field?, section: 'profile', … }
 * @csspart none — light DOM: style it with Cognito's *-customizable classes and `.cognito-account-section`.
 */
export class CognitoAccountProfile extends AccountSectionElement<'profile'> {
  readonly section = 'profile' as const;

  protected override load(_account: AccountFlow, state: AccountState): void {
    if (!state.user) this.intent((a) => a.load());
  }

  readonly #save = onSubmit((v) => {
    const editable = this.state?.profile.editable ?? [];
    const attributes = Object.fromEntries(editable.map((name) => [name, v[name] ?? '']));
    // The pool's sign-in names are required by updateProfile itself (src/account/profile.ts).
    this.run('save', (a) => a.updateProfile({ attributes }));
  });

  /** Whether `name` is one the user signs in with in this pool (username-attributes): it can be changed, not emptied. */
  #signInName(name: string): boolean {
    return (this.link.auth?.config.usernameAttributes as readonly string[] | undefined)?.includes(name) ?? false;
  }

  #verifyForm(state: ProfileState, p: PendingVerification): TemplateResult {
    const id = `${this.uidPrefix}-${p.attribute}`;
    const submit = onSubmit((v) => this.run(`verify-${p.attribute}`, (a) => a.verifyAttribute({ attribute: p.attribute, code: v.code ?? '' })));
    const error = state.error?.field === 'code' && this.runningAction?.endsWith(p.attribute) ? state.error : undefined;
    // The section's banner for this form's error sits in it, so base.css hides it while the field says it (said once).
    return html`<form class="cognito-form cognito-account-verify" novalidate data-verify=${p.attribute} @submit=${submit} aria-labelledby=${`${id}-desc`}>
      ${error ? errorBanner(this.t, error, `${this.uidPrefix}-error`) : nothing}
      <p id=${`${id}-desc`} class="textDescription-customizable">
        ${deliveryText(this.t, 'account.profile.codeSent', 'account.profile.codeSentNowhere', p.delivery)}
      </p>
      ${codeField(this.kit, { id, error, errorId: `${this.uidPrefix}-error` })}
      <div class="cognito-account-actions">
        ${button(this.t, {
          action: 'verify',
          type: 'submit',
          label: this.t('account.profile.verify', { attribute: fieldLabel(this.t, p.attribute) }),
          busy: state.busy,
          running: this.running(state.busy, `verify-${p.attribute}`),
        })}
        ${button(this.t, {
          action: 'resend',
          kind: 'link',
          label: this.t('account.profile.resend'),
          busy: state.busy,
          running: this.running(state.busy, `send-${p.attribute}`),
          onClick: () => this.run(`send-${p.attribute}`, (a) => a.sendVerificationCode({ attribute: p.attribute })),
        })}
      </div>
    </form>`;
  }

  #field(state: AccountState, name: string): TemplateResult {
    const id = `${this.uidPrefix}-${name.replace(/\W/g, '-')}`;
    const input = attributeInput(name);
    const unverified = isContact(name) && state.user?.unverified.includes(name);
    const pending = isContact(name) && state.profile.verifying.some((p) => p.attribute === name);
    return html`<div class="cognito-account-attribute" data-attribute=${name}>
      ${this.kit.field({
        t: this.t,
        id,
        name,
        label: fieldLabel(this.t, name),
        type: input.type,
        autocomplete: input.autocomplete ?? 'off',
        dir: input.dir,
        value: state.user?.attributes[name] ?? '',
        required: this.#signInName(name),
        error: state.profile.error,
        errorId: `${this.uidPrefix}-error`,
        hint: unverified ? this.t('account.profile.unverified') : undefined,
        hintId: `${id}-status`,
      })}
      ${unverified && !pending
        ? button(this.t, {
            action: `send-code-${name}`,
            kind: 'link',
            label: this.t('account.profile.sendCode'),
            busy: state.profile.busy,
            running: this.running(state.profile.busy, `send-${name}`),
            describedBy: `${id}-status`,
            onClick: () => this.run(`send-${name}`, (a) => a.sendVerificationCode({ attribute: name })),
          })
        : nothing}
    </div>`;
  }

  protected renderSection(state: AccountState, s: ProfileState): TemplateResult {
    const id = this.uidPrefix;
    if (!state.user) {
      return html`${this.heading(this.t('account.profile.title'))}${sectionStatus(this.t, s, id, { progress: loading(this.t, s.busy, false) })}`;
    }
    // The banner goes in the form whose field the error is about (as on the authenticator's screens): base.css hides it
    // while that field shows the message itself, so it is said once. A code form's error is in that form.
    const inVerify = s.error?.field === 'code' && s.verifying.some((p) => this.runningAction?.endsWith(p.attribute));
    return html`${this.heading(this.t('account.profile.title'))}
      ${sectionStatus(this.t, s, id, { banner: false })}
      <form class="cognito-form cognito-account-form" novalidate @submit=${this.#save} aria-labelledby=${`${id}-h`}>
        ${inVerify ? nothing : errorBanner(this.t, s.error, `${id}-error`)}
        ${s.editable.map((name) => this.#field(state, name))}
        ${button(this.t, { action: 'save-profile', type: 'submit', label: this.t('account.profile.save'), busy: s.busy, running: this.running(s.busy, 'save') })}
      </form>
      ${s.verifying.map((p) => this.#verifyForm(s, p))}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Nothing the user may edit (no `attributes`, no sign-up attributes on the authenticator): no section at all, rather
    // than a title over a lone "Save changes".
    this.hidden = Boolean(this.state?.user) && this.state?.profile.editable.length === 0;
    // A code was just sent: the code field it asks for takes focus (once per new code form).
    this.focusNewForms('form[data-verify]', 'input[name="code"]');
  }
}

if (!customElements.get('cognito-account-profile')) customElements.define('cognito-account-profile', CognitoAccountProfile);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-account-profile': CognitoAccountProfile;
  }
}
