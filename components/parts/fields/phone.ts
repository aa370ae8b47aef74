// Phone numbers for the `tel` field: a country-code picker and E.164 out. Loaded only with the sign-up screen.

// ITU-T E.164 country calling codes by ISO 3166-1 region, as `RRcode` pairs (regions sharing +1 and +7 listed once each).
const TABLE =
  'AD376 AE971 AF93 AG1 AL355 AM374 AO244 AR54 AT43 AU61 AZ994 BA387 BB1 BD880 BE32 BF226 BG359 BH973 BI257 BJ229 ' +
  'BN673 BO591 BR55 BS1 BT975 BW267 BY375 BZ501 CA1 CD243 CF236 CG242 CH41 CI225 CL56 CM237 CN86 CO57 CR506 CU53 ' +
  'CV238 CY357 CZ420 DE49 DJ253 DK45 DM1 DO1 DZ213 EC593 EE372 EG20 ER291 ES34 ET251 FI358 FJ679 FM691 FR33 GA241 ' +
  'GB44 GD1 GE995 GH233 GM220 GN224 GQ240 GR30 GT502 GW245 GY592 HK852 HN504 HR385 HT509 HU36 ID62 IE353 IL972 IN91 ' +
  'IQ964 IR98 IS354 IT39 JM1 JO962 JP81 KE254 KG996 KH855 KI686 KM269 KN1 KP850 KR82 KW965 KZ7 LA856 LB961 LC1 ' +
  'LI423 LK94 LR231 LS266 LT370 LU352 LV371 LY218 MA212 MC377 MD373 ME382 MG261 MH692 MK389 ML223 MM95 MN976 MO853 ' +
  'MR222 MT356 MU230 MV960 MW265 MX52 MY60 MZ258 NA264 NE227 NG234 NI505 NL31 NO47 NP977 NR674 NZ64 OM968 PA507 ' +
  'PE51 PG675 PH63 PK92 PL48 PR1 PS970 PT351 PW680 PY595 QA974 RO40 RS381 RU7 RW250 SA966 SB677 SC248 SD249 SE46 ' +
  'SG65 SI386 SK421 SL232 SM378 SN221 SO252 SR597 SS211 ST239 SV503 SY963 SZ268 TD235 TG228 TH66 TJ992 TL670 TM993 ' +
  'TN216 TO676 TR90 TT1 TV688 TW886 TZ255 UA380 UG256 US1 UY598 UZ998 VA39 VC1 VE58 VN84 VU678 WS685 YE967 ZA27 ' +
  'ZM260 ZW263';

/** Calling code by region, e.g. `DE` -> `49`. */
export const CALLING_CODES: ReadonlyMap<string, string> = new Map(TABLE.split(' ').map((e) => [e.slice(0, 2), e.slice(2)] as const));

/** A region tag's region if we have its calling code (`de-AT` -> AT), else undefined. */
function regionOf(tag: string | undefined, maximize = false): string | undefined {
  if (!tag) return undefined;
  try {
    const locale = new Intl.Locale(tag);
    const region = (maximize ? locale.maximize() : locale).region;
    return region && CALLING_CODES.has(region) ? region : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The user's likely region, listed first in the picker: the region of the nearest `lang` that names one
 * (`lang="de-AT"` on the element or the page), else of the browser's languages (`navigator.languages`, e.g. en-GB),
 * else the shown language's most likely region (de -> DE, ja -> JP), else US.
 */
export function preferredRegion(langs: readonly string[]): string {
  const browser = globalThis.navigator?.languages?.length ? globalThis.navigator.languages : [globalThis.navigator?.language];
  return [...langs, ...browser].map((t) => regionOf(t)).find(Boolean) ?? regionOf(langs[0], true) ?? 'US';
}

type Choice = { region: string; code: string; label: string };
/** The last list made: a re-render (every keystroke) reuses it rather than naming and sorting 200 regions again. */
let memo: { key: string; list: Choice[] } | undefined;

/** The regions for the picker: the preferred one first, then the rest by their name in `lang`. */
export function regionChoices(lang: string | undefined, first: string): Choice[] {
  const key = `${lang ?? ''}|${first}`;
  if (memo?.key !== key) memo = { key, list: makeChoices(lang, first) };
  return memo.list;
}

function makeChoices(lang: string | undefined, first: string): Choice[] {
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames(lang ? [lang] : undefined, { type: 'region' });
  } catch {
    names = undefined;
  }
  const all = [...CALLING_CODES].map(([region, code]) => ({ region, code, label: `${names?.of(region) ?? region} +${code}` }));
  all.sort((a, b) => (a.region === first ? -1 : b.region === first ? 1 : a.label.localeCompare(b.label, lang)));
  return all;
}

/**
 * The number in E.164 (`+` and 8 to 15 digits), or undefined when it cannot be one. A number typed with `+` is taken
 * as international; otherwise the region's code is put before it, without the national trunk prefix 0 (kept for
 * Italy, where it is part of the number).
 */
export function toE164(typed: string, region: string): string | undefined {
  const trimmed = typed.trim();
  if (/[^\d\s()+./-]/.test(trimmed)) return undefined;
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : undefined;
  if (trimmed.startsWith('00')) return toE164(`+${digits.slice(2)}`, region);
  const code = CALLING_CODES.get(region);
  if (!code) return undefined;
  if (region !== 'IT' && region !== 'VA' && region !== 'SM') digits = digits.replace(/^0/, '');
  const full = code + digits;
  return digits.length >= 4 && /^[1-9]\d{7,14}$/.test(full) ? `+${full}` : undefined;
}
