import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { acceptApiDocument } from '../../shared/asyncapi/accept-document.ts';
import { exportApiDocument } from '../../shared/asyncapi/export-document.ts';
import { withoutExtensions } from '../../shared/asyncapi/export-extensions.ts';
import { EXPORT_PROFILES, EXPORT_VERSIONS } from '../../shared/asyncapi/export-sse-api.ts';
import { allDocuments, rel } from './fixture-files.ts';

/**
 * Every accepted fixture × profile × AsyncAPI version × format: the export re-parses with the
 * AsyncAPI parser with 0 errors, reads back through the gate, and keeps every message's name,
 * payload schema and examples (the parsed, dereferenced JSON is compared, not strings).
 * The table printed at the end is the one in the closing note.
 */
const parser = new Parser();
const accepted = allDocuments().filter((file) => acceptApiDocument(readFileSync(file, 'utf8'), file).ok);
const table: string[] = [];

type Payloads = Record<string, string[]>;

/** Per channel address: each message's name, payload and example payloads, dereferenced, without extensions. */
async function payloads(text: string, source: string): Promise<{ errors: string[]; payloads: Payloads }> {
  const { document, diagnostics } = await parser.parse(text, { source });
  const errors = diagnostics.filter((d) => d.severity === 0).map((d) => `${d.code}: ${d.message} at ${d.path.join('.')}`);
  const out: Payloads = {};
  for (const channel of document?.channels().all() ?? []) {
    const address = channel.address() ?? channel.id();
    const key = address.startsWith('/') ? address : '/' + address;
    const messages = channel.messages().all().map((m) => {
      // 3.x may wrap a payload as { schemaFormat, schema }; 2.x says the format on the message.
      const raw = m.payload()?.json() as Record<string, unknown> | undefined;
      const payload = raw && 'schemaFormat' in raw && 'schema' in raw ? raw.schema : raw;
      return JSON.stringify(withoutExtensions({ name: m.name(), payload, examples: m.examples().all().map((e) => e.payload()) }));
    });
    out[key] = [...new Set([...(out[key] ?? []), ...messages])].sort();
  }
  return { errors, payloads: out };
}

describe('exports keep every payload schema and example (round trip over all fixtures)', () => {
  it('accepts the documents it should (gitter, slack, stock ticker, hand-made, WSO2, studio)', () => {
    expect(accepted.map(rel).sort()).toEqual(expect.arrayContaining([
      'examples/stock-ticker/stock-ticker.asyncapi.yaml',
      'test/fixtures/asyncapi/handmade/market-data-3.0.yaml',
      'test/fixtures/asyncapi/official/spec-2.6-gitter-streaming.yml',
      'test/fixtures/asyncapi/official/spec-3.0-gitter-streaming.yml',
      'test/fixtures/asyncapi/official/spec-3.1-gitter-streaming.yml',
    ]));
  });

  it.each(accepted.map((f) => [rel(f), f]))('%s', async (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const source = await payloads(text, file);
    // WSO2 4.5+ writes channel $refs unescaped; the parser rejects them. Exports may keep what the
    // source had (studio, as is), never add an error of their own.
    const tolerated = new Set(source.errors);
    // Such a source has no parsed payloads to compare with: the first export that parses is the reference.
    let reference = source.errors.length ? undefined : source.payloads;
    const messageCount = Object.values(source.payloads).flat().length;
    for (const profile of EXPORT_PROFILES) {
      for (const asyncapi of EXPORT_VERSIONS) {
        const label = `${profile} ${asyncapi}`;
        const yaml = exportApiDocument(text, file, { profile, asyncapi, format: 'yaml' });
        const json = exportApiDocument(text, file, { profile, asyncapi, format: 'json' });
        if (!yaml.ok || !json.ok) throw new Error(`${label}: ${JSON.stringify(yaml.ok ? json : yaml)}`);
        expect(JSON.parse(json.text), `${label}: json = yaml`).toEqual(parse(yaml.text));
        // Written beside the source, so references into other files resolve as they would there.
        const back = await payloads(yaml.text, path.join(path.dirname(file), `export.${profile}.yaml`));
        expect(back.errors.filter((e) => !tolerated.has(e)), label).toEqual([]);
        if (!back.errors.length) {
          reference ??= back.payloads;
          expect(back.payloads, label).toEqual(reference);
        } else expect(parse(yaml.text), `${label}: a source the parser rejects is only ever kept as is`).toEqual(parse(text));
        table.push(`| ${rel(file)} | ${label} | ${messageCount} messages | 0 lost | ${yaml.warnings.length} warnings |`);
      }
    }
  });

  afterAll(() => {
    if (process.env.PRINT_ROUND_TRIP) console.log(['| file | profile version | messages | losses | warnings |', ...table].join('\n'));
  });
});
