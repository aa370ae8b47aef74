import { expect } from 'chai';
import { emailDomain, normalizeDomain, routeEmail, type RoutableProvider } from '../../src/idp-routing.js';

const OKTA: RoutableProvider = { name: 'Okta', identifiers: ['acme.com', 'acme.co.uk'] };
const AZURE: RoutableProvider = { name: 'AzureAD', identifiers: ['contoso.com', 'eu.contoso.com'] };
const UNICODE: RoutableProvider = { name: 'Buecher', identifiers: ['bücher.example'] };
const PUNY: RoutableProvider = { name: 'Muenchen', identifiers: ['xn--mnchen-3ya.example'] };
const PROVIDERS = [OKTA, AZURE, UNICODE, PUNY];

function routed(email: string): string | undefined {
  const r = routeEmail(PROVIDERS, email);
  return r ? `${r.provider.name}:${r.identifier}` : undefined;
}

describe('email domain routing (IdP identifiers)', () => {
  it('matches the domain exactly, whatever its case', () => {
    expect(routed('ada@acme.com')).to.equal('Okta:acme.com');
    expect(routed('Ada.Lovelace@ACME.COM')).to.equal('Okta:acme.com');
    expect(routed('ada@Acme.Co.Uk')).to.equal('Okta:acme.co.uk');
    expect(routed('  ada@acme.com  ')).to.equal('Okta:acme.com');
    expect(routed('ada@acme.com.')).to.equal('Okta:acme.com');
  });

  it('sub-domains do not match their parent unless listed themselves', () => {
    expect(routed('ada@eu.acme.com')).to.equal(undefined);
    expect(routed('ada@mail.acme.co.uk')).to.equal(undefined);
    expect(routed('ada@eu.contoso.com')).to.equal('AzureAD:eu.contoso.com');
    expect(routed('ada@contoso.com')).to.equal('AzureAD:contoso.com');
    expect(routed('ada@us.eu.contoso.com')).to.equal(undefined);
    // Nor does a parent match a listed sub-domain, or a look-alike suffix.
    expect(routed('ada@co.uk')).to.equal(undefined);
    expect(routed('ada@notacme.com')).to.equal(undefined);
    expect(routed('ada@acme.com.evil.example')).to.equal(undefined);
  });

  it('takes the domain after the last @', () => {
    expect(emailDomain('"ada@contoso.com"@acme.com')).to.equal('acme.com');
    expect(routed('"ada@contoso.com"@acme.com')).to.equal('Okta:acme.com');
    expect(routed('ada@acme.com@contoso.com')).to.equal('AzureAD:contoso.com');
    expect(routed('ada@acme.com@')).to.equal(undefined);
  });

  it('refuses what is not an email with a domain', () => {
    for (const value of ['', 'acme.com', '@acme.com', 'ada@', 'ada@acme', 'ada@acme .com', 'ada@acme.com:443', 'ada@acme.com/x', 'ada@[10.0.0.1]', 'ada@10.0.0.1', 'ada@-acme.com']) {
      expect(routed(value), value).to.equal(undefined);
    }
  });

  it('compares internationalised domains in one form: unicode, punycode, upper case all match', () => {
    expect(routed('ada@bücher.example')).to.equal('Buecher:bücher.example');
    expect(routed('ada@BÜCHER.example')).to.equal('Buecher:bücher.example');
    expect(routed('ada@xn--bcher-kva.example')).to.equal('Buecher:bücher.example');
    // Listed in punycode, typed in unicode.
    expect(routed('ada@münchen.example')).to.equal('Muenchen:xn--mnchen-3ya.example');
    expect(routed('ada@MÜNCHEN.EXAMPLE')).to.equal('Muenchen:xn--mnchen-3ya.example');
    // Full-width letters and the ideographic full stop fold to the same domain (UTS #46).
    expect(routed('ada@ａｃｍｅ。com')).to.equal('Okta:acme.com');
    // A different unicode domain is a different domain.
    expect(routed('ada@bucher.example')).to.equal(undefined);
  });

  it('normalizeDomain gives the lower-case ASCII form, or undefined for non-domains', () => {
    expect(normalizeDomain('Bücher.Example')).to.equal('xn--bcher-kva.example');
    expect(normalizeDomain('ACME.com.')).to.equal('acme.com');
    expect(normalizeDomain('localhost')).to.equal(undefined);
    expect(normalizeDomain('127.0.0.1')).to.equal(undefined);
    expect(normalizeDomain('a_b.com')).to.equal(undefined);
    expect(normalizeDomain(`${'a'.repeat(64)}.com`)).to.equal(undefined);
  });

  it('the first provider listing the domain wins; none means no route', () => {
    expect(routeEmail([], 'ada@acme.com')).to.equal(undefined);
    const r = routeEmail(PROVIDERS, 'ada@ACME.com')!;
    expect(r.provider === OKTA, 'the Okta provider object').to.equal(true);
    expect(r.domain).to.equal('acme.com');
  });
});
