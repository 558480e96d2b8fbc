// negotiator ships no types; only the part Redraft uses is declared.
declare module "negotiator" {
  interface Headers {
    [name: string]: string | string[] | undefined;
  }
  export default class Negotiator {
    constructor(request: { headers: Headers });
    languages(available?: string[]): string[];
    /** The best of `available` for Accept-Encoding; ties go to the earlier in `preferred`. */
    encoding(available?: string[], preferred?: string[]): string | undefined;
  }
}
