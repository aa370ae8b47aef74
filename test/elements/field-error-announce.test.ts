// A field's error is said once, however the form was sent (WCAG 3.3.1, 4.1.3). Sent by the submit button, focus moves
// to the field, and a screen reader reads it with its description (the message under it). Sent by Enter in the field
// itself, focus does not move (the field already has it), so nothing would be read: the message under the field is
// then an alert instead. Never both: an alert and a focus move would say it twice.
import { sendKeys } from '@web/test-runner-commands';
import { expect } from 'chai';
import '../../components/screens/mfa-code.js';
import '../../components/screens/sign-in.js';
import { exception } from '../support/fake-cognito.js';
import { until } from '../support/until.js';
import { harness, input, mount } from './helpers.js';

/** The message under the field: the last element its aria-describedby names. */
function message(root: Element, field: HTMLInputElement): HTMLElement | null {
  const id = field.getAttribute('aria-describedby')?.split(' ').at(-1);
  return id ? root.querySelector<HTMLElement>(`[id="${id}"]`) : null;
}

/** Counts the focus events the field receives (each one makes a screen reader read it). */
function focusEvents(field: HTMLInputElement): { count: number } {
  const seen = { count: 0 };
  field.addEventListener('focus', () => seen.count++);
  return seen;
}

const selection = (field: HTMLInputElement) => field.value.slice(field.selectionStart ?? 0, field.selectionEnd ?? 0);

describe('a field error is said once', () => {
  it('sign-in: Enter in the empty username field makes its message an alert; sent by the button, focus says it', async () => {
    const h = harness();
    const el = await mount('cognito-sign-in', h.flow);
    const username = input(el, 'username');
    username.focus();
    const focuses = focusEvents(username);
    await sendKeys({ press: 'Enter' });
    await until(() => username.getAttribute('aria-invalid') === 'true', 'the username error');
    const said = message(el, username);
    expect(said?.textContent?.trim()).to.equal('Enter your username.');
    expect(said!.getAttribute('role'), 'the message is an alert (focus did not move)').to.equal('alert');
    expect(document.activeElement === username, 'focus stays in the field').to.equal(true);
    expect(focuses.count, 'no second reading by a focus move').to.equal(0);
    expect(h.cognito.calls).to.have.length(0);

    // The same error again, sent by the button: focus moves to the field and says the message; it is no alert then.
    username.blur();
    el.querySelector<HTMLButtonElement>('.submitButton-customizable')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => document.activeElement === username, 'focus on the username');
    expect(focuses.count).to.equal(1);
    const again = message(el, username);
    expect(again?.textContent?.trim()).to.equal('Enter your username.');
    expect(again!.hasAttribute('role'), 'said by the focus move only').to.equal(false);
  });

  it('a wrong one-time code and Enter: the message is an alert, focus stays, the code is selected', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => ({ ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's1', ChallengeParameters: { USER_ID_FOR_SRP: 'u' } }));
    h.cognito.on('respondToAuthChallenge', () => exception('CodeMismatchException', 'Invalid code.'), () => exception('CodeMismatchException', 'Invalid code.'));
    await h.flow.signIn({ username: 'ada', password: 'Pass-word-1' });
    const el = await mount<HTMLElement>('cognito-mfa-code', h.flow);
    const code = input(el, 'code');
    code.focus();
    const focuses = focusEvents(code);
    await sendKeys({ type: '111111' });
    await sendKeys({ press: 'Enter' });
    await until(() => code.getAttribute('aria-invalid') === 'true', 'the wrong-code error');
    const said = message(el, code);
    expect(said?.classList.contains('cognito-field-error'), 'the message under the field').to.equal(true);
    expect(said!.getAttribute('data-error-code')).to.equal('code-mismatch');
    expect(said!.getAttribute('role'), 'an alert').to.equal('alert');
    expect(document.activeElement === code).to.equal(true);
    expect(focuses.count, 'no focus move').to.equal(0);
    await until(() => selection(code) === '111111', 'the wrong code selected');

    // From the submit button: focus moves to the code (said with its description), no alert.
    el.querySelector<HTMLButtonElement>('.submitButton-customizable')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => h.cognito.callsOf('respondToAuthChallenge').length === 2, 'the second code sent');
    await until(() => document.activeElement === code, 'focus on the code');
    expect(focuses.count).to.equal(1);
    expect(message(el, code)!.hasAttribute('role'), 'said by the focus move only').to.equal(false);
    expect(selection(code), 'the wrong code selected').to.equal('111111');
  });
});
