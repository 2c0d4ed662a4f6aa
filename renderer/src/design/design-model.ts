import type { DocPath } from './doc-tree.ts';

/**
 * What the Design forms show, read straight from the document (no defaults filled in, values as
 * written), so a form edit and the text stay one thing. `spec` picks the AsyncAPI dialect:
 * 2.x keys channels by their path and subscribes with `subscribe`; 3.0 gives each channel an
 * `address` and a separate `operations` entry with `action: receive`.
 */
export interface DesignModel {
  spec: 2 | 3;
  asyncapi: string;
  name: string;
  version: string;
  description: string;
  context: string;
  /** Where the context lives: our `x-context`, WSO2's `x-wso2-basePath`, or nowhere yet. */
  contextSource: 'x-context' | 'x-wso2-basePath' | 'none';
  endpoint: string;
  topics: DesignTopic[];
}

export interface DesignParameter {
  name: string;
  description: string;
}

export interface DesignMessage {
  /** Where the message object is (after following a local `$ref`), or null when the topic has none yet (or it is in another file). */
  at: DocPath | null;
  /** Set when the message itself is in another file (`./messages.yaml#/Price`): where it is referenced and the reference; shown read-only. */
  ref?: { source: string; at: DocPath };
  /** The SSE `event:` name clients listen for. */
  name: string;
  /** The payload JSON Schema as pretty JSON ('' when there is none). */
  payload: string;
  /** Set when the payload is a reference into another file (`./schemas.json#/Price`): shown read-only, never rewritten. */
  payloadRef?: string;
  /** The example payloads as a pretty JSON array ('' when there are none). */
  examples: string;
}

export interface DesignTopic {
  /** The key under `channels` (2.x: the topic path itself). */
  key: string;
  path: string;
  description: string;
  backendPath: string;
  parameters: DesignParameter[];
  message: DesignMessage;
  /** The topic's `x-mock` block as written (undefined when there is none). */
  mock: Record<string, unknown> | undefined;
}

/** Where a problem is, 1-based, and what to do about it. */
export interface TextProblem {
  message: string;
  line: number;
  column: number;
}

export type DesignReading = { ok: true; model: DesignModel } | { ok: false; problem: TextProblem };
