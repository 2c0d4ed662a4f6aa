import schema26 from '@asyncapi/specs/schemas/2.6.0-without-$id.json';
import schema30 from '@asyncapi/specs/schemas/3.0.0-without-$id.json';

/**
 * The AsyncAPI JSON Schemas shipped with @asyncapi/specs (the same ones @asyncapi/parser validates
 * with), for completion, hover and schema checks in the editor. The `-without-$id` builds keep
 * every reference inside the file (`#/definitions/...`), so nothing is requested over the network.
 * A model's URI names its dialect (`*.asyncapi2.yaml` / `*.asyncapi3.yaml`), which picks the schema.
 */
export type SpecMajor = 2 | 3;

export const SCHEMAS = [
  { uri: 'inmemory://schemas/asyncapi-2.6.0.json', fileMatch: ['*.asyncapi2.yaml', '*.asyncapi2.json'], schema: schema26 as object },
  { uri: 'inmemory://schemas/asyncapi-3.0.0.json', fileMatch: ['*.asyncapi3.yaml', '*.asyncapi3.json'], schema: schema30 as object },
];

/** `inmemory://design/<n>/stock-ticker.asyncapi3.yaml`: one model per open document and dialect. */
export function modelPath(documentId: string, major: SpecMajor, format: 'yaml' | 'json', instance: number): string {
  const base = documentId.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `inmemory://design/${instance}/${base}.asyncapi${major}.${format}`;
}

/** The dialect a text declares (`asyncapi: 3.0.0` -> 3); 3 while it declares none. */
export function specMajorOf(text: string): SpecMajor {
  const match = /^\s*["']?asyncapi["']?\s*:\s*["']?(\d)/m.exec(text);
  return match?.[1] === '2' ? 2 : 3;
}
