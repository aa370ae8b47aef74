import { expect } from 'chai';
import '../../components/screens/setup-totp.js';
import { CognitoQrCode } from '../../components/parts/qr-code.js';
import { authResult, CLIENT, exception } from '../support/fake-cognito.js';
import { click, expectAccessible, harness, input, mount, settle, submit, type, described } from './helpers.js';
import { until } from '../support/until.js';

const SECRET = 'JBSWY3DPEHPK3PXP';

const testLoader = () => import('qrcode');
/** The qrcode API, whether the CommonJS module arrives as named exports or as a default export. */
async function qrcode(): Promise<typeof import('qrcode')> {
  const mod = (await testLoader()) as typeof import('qrcode') & { default?: typeof import('qrcode') };
  return typeof mod.create === 'function' ? mod : mod.default!;
}
const defaultLoader = CognitoQrCode.loadEncoder;

function text(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every attribute value under `root`, ids included. */
function attributeValues(root: Element): string[] {
  return [root, ...root.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.value));
}

async function atSetupTotp(options: Parameters<typeof harness>[0] = { totpIssuer: 'Example Corp' }) {
  const h = harness(options);
  h.cognito
    .on('initiateAuth', () => ({ ChallengeName: 'MFA_SETUP', Session: 's1', ChallengeParameters: { USER_ID_FOR_SRP: 'u', MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' } }))
    .on('associateSoftwareToken', () => ({ SecretCode: SECRET, Session: 's2' }));
  await h.flow.signIn({ username: 'ada', password: 'Pass-word-1' });
  expect(h.flow.state.screen).to.equal('setup-totp');
  return h;
}

describe('<cognito-setup-totp>', () => {
  beforeEach(() => {
    CognitoQrCode.loadEncoder = testLoader;
  });
  afterEach(() => {
    CognitoQrCode.loadEncoder = defaultLoader;
  });

  it('shows numbered steps, a QR code of the otpauth URI, a code field and an optional device name', async () => {
    const h = await atSetupTotp();
    const el = await mount('cognito-setup-totp', h.flow);
    expect(h.cognito.callsOf('associateSoftwareToken')).to.deep.equal([{ Session: 's1' }]);
    expect(el.querySelectorAll('ol.cognito-steps > li')).to.have.length(3);
    expect(text(el.querySelector('ol > li')!)).to.equal('Install an authenticator app on your mobile device.');

    const svg = await until(() => el.querySelector('cognito-qr-code svg'), 'the QR code');
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal('QR code to add this account to an authenticator app');
    const uri = h.flow.state.screen === 'setup-totp' ? h.flow.state.uri : '';
    const { modules } = (await qrcode()).create(uri, { errorCorrectionLevel: 'M' });
    const box = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    expect(box).to.equal(modules.size + 8);
    // The path draws one rectangle per run of dark modules: together they cover exactly the dark modules.
    const drawn = [...svg.querySelector('path')!.getAttribute('d')!.matchAll(/h(\d+)v1/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(drawn).to.equal(modules.data.reduce((n, b) => n + (b ? 1 : 0), 0));

    const code = input(el, 'code');
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.inputMode).to.equal('numeric');
    expect(code.maxLength).to.equal(6);
    const device = input(el, 'device_name');
    expect(device.autocomplete).to.equal('off');
    expect(device.required).to.equal(false);
    expect(text(el.querySelector(`label[for="${device.id}"]`)!)).to.equal('Device name (optional)');
    expect(device.getAttribute('aria-describedby')).to.be.a('string');
    expect(el.querySelector('[data-action="back"]')).to.exist;
    await expectAccessible(el);
  });

  it('never puts the secret in an attribute or id; "show the secret key" reveals it in blocks of four', async () => {
    const h = await atSetupTotp();
    const el = await mount('cognito-setup-totp', h.flow);
    await until(() => el.querySelector('cognito-qr-code svg'), 'the QR code');
    const toggle = el.querySelector<HTMLButtonElement>('[data-action="show-secret"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(text(toggle)).to.equal('Can’t scan the code? Show the secret key');
    const panel = el.querySelector(`[id="${toggle.getAttribute('aria-controls')}"]`) as HTMLElement;
    expect(panel.hidden).to.equal(true);
    expect(el.textContent!.replace(/\s/g, '')).not.to.contain(SECRET);

    await click(el, '[data-action="show-secret"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(toggle)).to.equal('Hide the secret key');
    expect(panel.hidden).to.equal(false);
    const code = panel.querySelector('code')!;
    expect(code.textContent).to.equal('JBSW Y3DP EHPK 3PXP');
    expect(text(panel)).to.contain('Secret key');
    for (const value of attributeValues(el)) expect(value.replace(/\s/g, '')).not.to.contain(SECRET);
    await expectAccessible(el);

    await click(el, '[data-action="show-secret"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(panel.hidden).to.equal(true);
  });

  it('verifies the code with the device name, then finishes MFA_SETUP', async () => {
    const h = await atSetupTotp();
    h.cognito
      .on('verifySoftwareToken', () => ({ Status: 'SUCCESS', Session: 's3' }))
      .on('respondToAuthChallenge', () => authResult('u'));
    const el = await mount('cognito-setup-totp', h.flow);
    type(el, 'code', '123456');
    type(el, 'device_name', ' My phone ');
    await submit(el);
    expect(h.cognito.callsOf('verifySoftwareToken')).to.deep.equal([{ Session: 's2', UserCode: '123456', FriendlyDeviceName: 'My phone' }]);
    expect(h.cognito.callsOf('respondToAuthChallenge')).to.deep.equal([
      { ClientId: CLIENT, ChallengeName: 'MFA_SETUP', Session: 's3', ChallengeResponses: { USERNAME: 'u' } },
    ]);
    expect(h.flow.state.screen).to.equal('signed-in');
  });

  it('a rejected code explains the device clock, on the code field', async () => {
    const h = await atSetupTotp();
    h.cognito.on('verifySoftwareToken', () => exception('CodeMismatchException', 'Code mismatch'));
    const el = await mount('cognito-setup-totp', h.flow);
    await until(() => el.querySelector('cognito-qr-code svg'), 'the QR code');
    type(el, 'code', '000000');
    await submit(el);
    const alert = el.querySelector('[role="alert"]')!;
    expect(text(alert)).to.equal('The code was not accepted. Check that the clock on your device is correct, then try a new code.');
    const code = input(el, 'code');
    expect(code.getAttribute('aria-invalid')).to.equal('true');
    expect(described(code)).to.contain(text(alert));
    expect(document.activeElement === code, 'focus').to.equal(true);
    expect(code.value.slice(code.selectionStart ?? 0, code.selectionEnd ?? 0), 'selected: the next code replaces it').to.equal('000000');
    expect(h.cognito.callsOf('verifySoftwareToken')[0]).to.deep.include({ UserCode: '000000', FriendlyDeviceName: undefined });
    await expectAccessible(el);
  });

  it('back leaves the challenge for sign-in', async () => {
    const h = await atSetupTotp();
    const el = await mount('cognito-setup-totp', h.flow);
    await click(el, '[data-action="back"]');
    expect(h.flow.state).to.deep.include({ screen: 'sign-in', username: 'ada' });
  });

  it('a signed-in user can cancel back to signed-in (never to sign-in)', async () => {
    const h = harness();
    h.cognito.on('initiateAuth', () => authResult('u')).on('associateSoftwareToken', () => ({ SecretCode: SECRET }));
    await h.flow.signIn({ username: 'ada', password: 'Pass-word-1' });
    await h.flow.setUpTotp();
    const el = await mount('cognito-setup-totp', h.flow);
    h.flow.goTo('sign-in');
    expect(h.flow.state.screen).to.equal('setup-totp');
    await click(el, '[data-action="cancel"]');
    expect(h.flow.state.screen).to.equal('signed-in');
    expect(h.flow.session).to.not.equal(undefined);
  });

  it('a signed-in user adding an app gets no back link, and the code sets TOTP as preferred', async () => {
    const h = harness();
    h.cognito
      .on('initiateAuth', () => authResult('u'))
      .on('associateSoftwareToken', () => ({ SecretCode: SECRET }))
      .on('verifySoftwareToken', () => ({ Status: 'SUCCESS' }))
      .on('setUserMfaPreference', () => ({}));
    await h.flow.signIn({ username: 'ada', password: 'Pass-word-1' });
    await h.flow.setUpTotp();
    const el = await mount('cognito-setup-totp', h.flow);
    expect(el.querySelector('[data-action="back"]')).to.equal(null);
    await until(() => el.querySelector('cognito-qr-code svg'), 'the QR code');
    await expectAccessible(el);
    type(el, 'code', '123456');
    await submit(el);
    expect(h.cognito.callsOf('setUserMfaPreference')).to.have.length(1);
    expect(h.flow.state).to.deep.include({ screen: 'signed-in', notice: 'totp-enabled' });
  });
});

describe('<cognito-qr-code>', () => {
  afterEach(() => {
    CognitoQrCode.loadEncoder = defaultLoader;
  });

  it('says it is loading, then draws an SVG image whose size follows the encoded value', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    CognitoQrCode.loadEncoder = () => gate.then(testLoader);
    const el = await mount<CognitoQrCode>('cognito-qr-code', undefined, { value: 'otpauth://totp/x?secret=ABC' });
    expect(el.querySelector('svg')).to.equal(null);
    expect(text(el.querySelector('[role="status"]')!)).to.equal('Loading the QR code…');
    release();
    const svg = await until(() => el.querySelector('svg'), 'the QR code');
    const small = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
    expect(text(el.querySelector('[role="status"]')!)).to.equal('');
    el.value = `otpauth://totp/x?secret=${'A'.repeat(200)}`;
    await until(() => Number(el.querySelector('svg')?.getAttribute('viewBox')?.split(' ')[2]) > small, 'a larger code');
    // The value (a secret) is never written to an attribute; only the language the texts are in.
    expect(el.getAttributeNames().filter((n) => n !== 'lang' && n !== 'dir')).to.deep.equal([]);
  });

  it('says clearly when the encoder cannot be loaded', async () => {
    CognitoQrCode.loadEncoder = () => Promise.reject(new Error('offline'));
    const warn = console.warn;
    const warned: unknown[][] = [];
    console.warn = (...args: unknown[]) => void warned.push(args);
    let el: HTMLElement;
    try {
      el = await mount('cognito-qr-code', undefined, { value: 'otpauth://totp/x?secret=ABC' });
      await until(() => el.querySelector('[data-status="failed"]'), 'the failure');
      await settle();
    } finally {
      console.warn = warn;
    }
    expect(warned).to.have.length(1);
    expect(el.querySelector('svg')).to.equal(null);
    expect(text(el)).to.equal('The QR code could not be shown. Use the secret key instead.');
    await expectAccessible(el);
  });
});
