import type { SecurityConfig } from '../model/runtime.ts';

/**
 * What a consumer reads about an SSE API: the documentation both the Docs tab and the HTML export
 * show. Built from the `clean` export of the document (no `x-` settings, no secrets) plus where the
 * gateway serves each topic, which the clean document cannot say.
 */
export interface DocsModel {
  title: string;
  version: string;
  /** The AsyncAPI version of the document it was read from: `3.0.0`, `2.6.0`. */
  asyncapi: string;
  description?: string;
  topics: DocsTopic[];
  /** Security schemes the document declares (types and names only: AsyncAPI holds no secrets). */
  schemes: DocsScheme[];
  /** How a client authenticates at the gateway; every secret is already removed (see redactSecurity). */
  security: SecurityConfig;
  replay?: DocsReplay;
}

export interface DocsTopic {
  /** The topic path as the client sees it after the API's base path: `/prices/{symbol}`. */
  path: string;
  description?: string;
  parameters: DocsParameter[];
  messages: DocsMessage[];
  /** Full gateway URLs (with `{param}` still in them), null when that transport is off. */
  httpUrl: string | null;
  httpsUrl: string | null;
  /** Where the gateway streams this topic from, when known. */
  backendUrl?: string;
}

export interface DocsParameter {
  name: string;
  description?: string;
  schema?: unknown;
}

export interface DocsMessage {
  /** The SSE `event:` name clients listen for (the message's `name`, else its key). */
  name: string;
  title?: string;
  summary?: string;
  description?: string;
  contentType?: string;
  /** The payload schema with every local `$ref` resolved (a cycle stays a `$ref`). */
  payload?: unknown;
  headers?: unknown;
  examples: DocsExample[];
}

export interface DocsExample {
  name?: string;
  summary?: string;
  payload: unknown;
  /** True when made from the payload schema because the document gives no example. */
  generated: boolean;
}

export interface DocsScheme {
  name: string;
  type: string;
  /** Where an API key goes (`header`, `query` ...) and its name, or the HTTP scheme (`bearer`). */
  detail?: string;
  description?: string;
}

/** The gateway's replay promise, for the "how to reconnect" note. */
export interface DocsReplay {
  maxEvents: number;
  maxAgeSeconds: number;
  retryMs?: number;
}

/** Where the gateway serves one topic, matched to the document's channel by `path`. */
export interface DocsRoute {
  path: string;
  httpUrl: string | null;
  httpsUrl: string | null;
  backendUrl?: string;
}

/** What the gateway adds to the document: routes, security (redacted) and replay. */
export interface DocsGateway {
  routes: DocsRoute[];
  security: SecurityConfig;
  replay?: DocsReplay;
}
