// shared/ compiles without DOM or Node types so it cannot lean on either. The WHATWG URL class
// exists in browsers and in Node alike; this is the part of it shared/ may use.
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly hash: string;
  readonly host: string;
  readonly hostname: string;
  readonly href: string;
  readonly origin: string;
  readonly pathname: string;
  readonly port: string;
  readonly protocol: string;
  readonly search: string;
}
