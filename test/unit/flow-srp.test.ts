// The default sign-in path end to end through the engine: AuthFlow with USER_SRP_AUTH loads the real SRP module on
// demand (no createSrpSession injected), sends SRP_A, and answers PASSWORD_VERIFIER with exactly the claim
// amazon-cognito-identity-js computed for the same recorded exchange (../shared/srp-vectors.json).
import { expect } from 'chai';
import { authResult, CLIENT, harness } from '../support/fake-cognito.js';

interface UserVector {
  id: string;
  description: string;
  userPoolId: string;
  signInUsername: string;
  username: string;
  password: string;
  aHex: string;
  challenge: { SRP_B: string; SALT: string; SECRET_BLOCK: string; USER_ID_FOR_SRP: string; USERNAME: string };
  timestamp: string;
  epochMs: number;
  expected: { AHex: string; challengeResponses: Record<string, string> };
}

const response = await fetch('/__shared/srp-vectors.json');
if (!response.ok) throw new Error(`cannot load ../shared/srp-vectors.json: HTTP ${response.status}`);
const vectors = (await response.json()) as UserVector[];
const byId = (id: string): UserVector => {
  const v = vectors.find((x) => x.id === id);
  if (!v) throw new Error(`no vector ${id} in srp-vectors.json`);
  return v;
};

function hexBytes(hex: string): Uint8Array {
  const padded = hex.length % 2 ? `0${hex}` : hex;
  return Uint8Array.from(padded.match(/../g)!, (b) => parseInt(b, 16));
}

/**
 * Makes WebCrypto's random source hand out the vector's private value `a` for the SRP module's one 128-byte draw (the
 * only seam: the flow creates its SRP session itself). Other draws stay random. Returns how many draws it served.
 */
function fixRandomA(aHex: string): { served: () => number; restore: () => void } {
  const a = hexBytes(aHex);
  expect(a.length, 'a is 128 bytes, as the SRP module draws').to.equal(128);
  const real = crypto.getRandomValues.bind(crypto);
  let served = 0;
  Object.defineProperty(crypto, 'getRandomValues', {
    configurable: true,
    value: <T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array && array.length === 128) {
        array.set(a);
        served++;
        return array;
      }
      return real(array as never) as T;
    },
  });
  return { served: () => served, restore: () => delete (crypto as { getRandomValues?: unknown }).getRandomValues };
}

describe('AuthFlow USER_SRP_AUTH with the real SRP module (recorded vectors)', () => {
  // A typical exchange; an email alias whose USER_ID_FOR_SRP is a UUID (the name hashed and sent differs from the one
  // typed); unicode passwords.
  for (const id of ['user-srp-01', 'user-srp-43', 'user-srp-05']) {
    const v = byId(id);
    it(`${v.id} (${v.description}): sends SRP_A, answers PASSWORD_VERIFIER exactly, and signs the user in`, async () => {
      const random = fixRandomA(v.aHex);
      try {
        const h = harness({ authFlow: 'USER_SRP_AUTH', userPoolId: v.userPoolId });
        // The TIMESTAMP in the claim comes from the flow's clock.
        h.clock.time = v.epochMs;
        h.cognito
          .on('initiateAuth', () => ({ ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { ...v.challenge }, Session: 'srp-session' }))
          .on('respondToAuthChallenge', () => authResult(v.username));

        await h.flow.signIn({ username: v.signInUsername, password: v.password });

        expect(random.served(), 'the SRP module drew a once').to.equal(1);
        const [init] = h.cognito.callsOf('initiateAuth') as { AuthFlow: string; ClientId: string; AuthParameters: Record<string, string> }[];
        expect(h.cognito.callsOf('initiateAuth')).to.have.length(1);
        expect(init).to.deep.include({ AuthFlow: 'USER_SRP_AUTH', ClientId: CLIENT });
        expect(Object.keys(init!.AuthParameters).sort()).to.deep.equal(['SRP_A', 'USERNAME']);
        expect(init!.AuthParameters.USERNAME).to.equal(v.signInUsername);
        expect(BigInt(`0x${init!.AuthParameters.SRP_A}`), 'SRP_A = g^a mod N').to.equal(BigInt(`0x${v.expected.AHex}`));

        expect(h.cognito.callsOf('respondToAuthChallenge')).to.deep.equal([
          {
            ClientId: CLIENT,
            ChallengeName: 'PASSWORD_VERIFIER',
            Session: 'srp-session',
            ChallengeResponses: v.expected.challengeResponses,
          },
        ]);
        // Spelled out, since these are what Cognito checks: the user id for SRP, not the name typed.
        const answer = h.cognito.callsOf('respondToAuthChallenge')[0]!.ChallengeResponses as Record<string, string>;
        expect(answer.USERNAME).to.equal(v.challenge.USER_ID_FOR_SRP);
        expect(answer.TIMESTAMP).to.equal(v.timestamp);

        expect(h.flow.state.screen).to.equal('signed-in');
        expect(h.flow.session?.username).to.equal(v.username);
        expect(h.events.map((e) => e.type)).to.include('signed-in');
      } finally {
        random.restore();
      }
    });
  }

  it('a clock one second off gives another TIMESTAMP and signature (the claim really uses the flow clock)', async () => {
    const v = byId('user-srp-01');
    const random = fixRandomA(v.aHex);
    try {
      const h = harness({ authFlow: 'USER_SRP_AUTH', userPoolId: v.userPoolId });
      h.clock.time = v.epochMs + 1000;
      h.cognito
        .on('initiateAuth', () => ({ ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { ...v.challenge }, Session: 's' }))
        .on('respondToAuthChallenge', () => authResult(v.username));
      await h.flow.signIn({ username: v.signInUsername, password: v.password });
      const answer = h.cognito.callsOf('respondToAuthChallenge')[0]!.ChallengeResponses as Record<string, string>;
      expect(answer.TIMESTAMP).to.not.equal(v.timestamp);
      expect(answer.TIMESTAMP).to.equal(v.timestamp.replace(/:(\d\d) UTC/, (_, s: string) => `:${String(Number(s) + 1).padStart(2, '0')} UTC`));
      expect(answer.PASSWORD_CLAIM_SIGNATURE).to.not.equal(v.expected.challengeResponses.PASSWORD_CLAIM_SIGNATURE);
    } finally {
      random.restore();
    }
  });
});
