import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DOCS_CONTENT_SECURITY_POLICY, DOCS_SCRIPT, DOCS_SCRIPT_SHA256 } from './html-docs-assets.ts';

describe('html docs assets', () => {
  it('the CSP allows the page script by its exact sha256 (a changed script must update the hash)', () => {
    expect(DOCS_SCRIPT_SHA256).toBe(`sha256-${createHash('sha256').update(DOCS_SCRIPT, 'utf8').digest('base64')}`);
    expect(DOCS_CONTENT_SECURITY_POLICY).toContain(`script-src '${DOCS_SCRIPT_SHA256}'`);
    expect(DOCS_CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  });
});
