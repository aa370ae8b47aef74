import { expect } from 'chai';
import { createDeviceSrpSession, createDeviceVerifier } from '../../src/crypto/srp-device.js';
import { SrpError } from '../../src/crypto/srp-math.js';

/** ConfirmDevice verifiers recorded from amazon-cognito-identity-js (schema: ../shared/srp-vectors.md). */
interface VerifierVector {
  id: string;
  deviceGroupKey: string;
  deviceKey: string;
  randomPasswordBytesHex: string;
  saltBytesHex: string;
  expected: { DeviceRandomPassword: string; DeviceSecretVerifierConfig: { Salt: string; PasswordVerifier: string } };
}

/** DEVICE_SRP_AUTH -> DEVICE_PASSWORD_VERIFIER sign-ins recorded from the same client. */
interface DeviceVector {
  id: string;
  description: string;
  deviceGroupKey: string;
  deviceKey: string;
  devicePassword: string;
  aHex: string;
  challenge: { SRP_B: string; SALT: string; SECRET_BLOCK: string };
  timestamp: string;
  epochMs: number;
  expected: { AHex: string; challengeResponses: Record<string, string> };
}

async function loadShared<T>(name: string): Promise<T> {
  const response = await fetch(`/__shared/${name}`);
  if (!response.ok) throw new Error(`cannot load ../shared/${name}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

const verifierVectors = await loadShared<VerifierVector[]>('srp-device-verifier-vectors.json');
const deviceVectors = await loadShared<DeviceVector[]>('srp-device-vectors.json');

const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));

/** Hands out the given byte strings in order, as crypto.getRandomValues would have. */
function replay(...hex: string[]) {
  const queue = hex.map(hexBytes);
  return (length: number) => {
    const next = queue.shift();
    if (!next || next.length !== length) throw new Error(`unexpected draw of ${length} bytes`);
    return next;
  };
}

describe('srp-device: the ConfirmDevice verifier (srp-device-verifier-vectors.json)', () => {
  it('has vectors to check', () => expect(verifierVectors.length).to.be.greaterThan(0));
  for (const v of verifierVectors) {
    it(`${v.id}: random password, Salt and PasswordVerifier as amazon-cognito-identity-js`, () => {
      const verifier = createDeviceVerifier(v.deviceGroupKey, v.deviceKey, replay(v.randomPasswordBytesHex, v.saltBytesHex));
      expect(verifier.devicePassword).to.equal(v.expected.DeviceRandomPassword);
      expect(verifier.Salt).to.equal(v.expected.DeviceSecretVerifierConfig.Salt);
      expect(verifier.PasswordVerifier).to.equal(v.expected.DeviceSecretVerifierConfig.PasswordVerifier);
    });
  }

  it('draws fresh randomness by default: two verifiers differ', () => {
    const a = createDeviceVerifier('-grp', 'us-east-1_dev');
    const b = createDeviceVerifier('-grp', 'us-east-1_dev');
    expect(a.devicePassword).to.not.equal(b.devicePassword);
    expect(a.Salt).to.not.equal(b.Salt);
  });
});

describe('srp-device: the DEVICE_PASSWORD_VERIFIER claim (srp-device-vectors.json)', () => {
  it('has vectors to check', () => expect(deviceVectors.length).to.be.greaterThan(0));
  for (const v of deviceVectors) {
    it(`${v.id}: ${v.description}`, () => {
      const session = createDeviceSrpSession(v.aHex);
      expect(BigInt('0x' + session.A)).to.equal(BigInt('0x' + v.expected.AHex));
      const claim = session.claim({
        deviceGroupKey: v.deviceGroupKey,
        deviceKey: v.deviceKey,
        devicePassword: v.devicePassword,
        challenge: v.challenge,
        now: v.epochMs,
      });
      const { USERNAME: _u, DEVICE_KEY: _d, ...expected } = v.expected.challengeResponses;
      expect(claim).to.deep.equal(expected);
      expect(claim.TIMESTAMP).to.equal(v.timestamp);
    });
  }

  it('refuses a challenge with B mod N = 0 without answering', () => {
    const v = deviceVectors[0]!;
    const session = createDeviceSrpSession(v.aHex);
    expect(() => session.claim({ ...v, challenge: { ...v.challenge, SRP_B: '0' } })).to.throw(SrpError, /B mod N/);
  });
});
