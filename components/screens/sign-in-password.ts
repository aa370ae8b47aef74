import { html, nothing, type TemplateResult } from 'lit';
import { CognitoScreen } from '../base.js';
import { actionButton, errorBanner, submitButton, uid } from '../parts/form.js';
import { backToSignIn, stepForm } from '../parts/step-form.js';
import { otherWays, signingInAs, usernameForPasswordManager } from '../parts/sign-in-methods.js';

/**
 * @summary Choice-based sign-in: the password, after the user chose it without having typed it on the first screen;
 * the other ways this account has stay one click away.
 * @csspart none — light DOM: style it with Cognito's *-customizable classes.
 */
export class CognitoSignInPassword extends CognitoScreen<'sign-in-password'> {
  readonly screen = 'sign-in-password' as const;
  readonly #id = uid();

  readonly #submit = this.onSubmit((v, flow, form) =>
    flow.submitSignInPassword({ password: v.password ?? '' }).then(() => {
      // As on the sign-in form: a refused password is cleared, never kept on the page.
      const password = form.querySelector<HTMLInputElement>('input[name="password"]');
      if (this.current?.error && password) password.value = '';
    }),
  );

  protected override render(): TemplateResult | typeof nothing {
    const s = this.current;
    if (!s) return nothing;
    const id = this.#id;
    return stepForm(
      {
        screen: 'sign-in-password',
        id,
        onSubmit: this.#submit,
        title: this.t('userAuth.passwordTitle'),
        description: signingInAs(this.t, s.username),
      },
      html`
        ${errorBanner(this.t, s.error, `${id}-error`)} ${usernameForPasswordManager(s.username)}
        ${this.passwordField({
          id: `${id}-password`,
          name: 'password',
          label: this.t('common.password'),
          autocomplete: 'current-password',
          error: s.error,
          errorId: `${id}-error`,
          primary: true,
          describedBy: `${id}-h ${id}-desc`,
        })}
        <div class="cognito-links">
          ${actionButton('forgot-password', this.t('signIn.forgotPassword'), () => this.goTo('forgot-password'), s.busy)}
        </div>
        ${submitButton(this.t, this.t('signIn.submit'), s.busy)}
        ${otherWays(this.t, id, { methods: s.methods, current: 'password', busy: s.busy, onChoose: (m) => void this.flow?.chooseSignInMethod(m) })}
        ${backToSignIn(this.t, this.flow, s.busy)}`,
    );
  }
}

if (!customElements.get('cognito-sign-in-password')) customElements.define('cognito-sign-in-password', CognitoSignInPassword);

declare global {
  interface HTMLElementTagNameMap {
    'cognito-sign-in-password': CognitoSignInPassword;
  }
}
