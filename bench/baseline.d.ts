// Just enough typing for what bench/srp-page.ts imports from the baseline: amazon-cognito-identity-js only types its
// public index, and its `buffer` polyfill ships no types.
declare module 'buffer' {
  export class Buffer extends Uint8Array {
    static from(value: string, encoding: 'utf8' | 'base64' | 'hex'): Buffer;
    static from(value: Uint8Array): Buffer;
    static concat(list: Uint8Array[]): Buffer;
    toString(encoding?: 'utf8' | 'base64' | 'hex'): string;
  }
}

declare module 'amazon-cognito-identity-js/es/BigInteger.js' {
  export default class BigInteger {
    constructor(value: string, radix: number);
    toString(radix: number): string;
  }
}

declare module 'amazon-cognito-identity-js/es/AuthenticationHelper.js' {
  import type BigInteger from 'amazon-cognito-identity-js/es/BigInteger.js';
  type Callback<T> = (error: Error | null, value: T | null) => void;
  export default class AuthenticationHelper {
    constructor(poolName: string);
    generateRandomSmallA(): BigInteger;
    getLargeAValue(callback: Callback<BigInteger>): void;
    getPasswordAuthenticationKey(
      username: string,
      password: string,
      serverBValue: BigInteger,
      salt: BigInteger,
      callback: Callback<Uint8Array>,
    ): void;
  }
}
