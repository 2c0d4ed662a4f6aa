/**
 * A small JUnit XML writer (the format CI servers read): one suite, one test case per check.
 * FAIL is a <failure>, UNKNOWN a <skipped>, WARN passes with its message in <system-out>.
 * Written for `check --url`; generic enough for any list of named results.
 */
export interface JunitCase {
  name: string;
  classname: string;
  status: 'pass' | 'warn' | 'fail' | 'unknown';
  message: string;
  details: string[];
  timeMs?: number;
}

export function junitXml(suite: string, cases: readonly JunitCase[], timeMs = 0): string {
  const failures = cases.filter((c) => c.status === 'fail').length;
  const skipped = cases.filter((c) => c.status === 'unknown').length;
  const body = cases.map((c) => {
    const open = `  <testcase name="${esc(c.name)}" classname="${esc(c.classname)}" time="${((c.timeMs ?? 0) / 1000).toFixed(3)}"`;
    const text = esc(c.details.join('\n'));
    if (c.status === 'fail') return `${open}>\n    <failure message="${esc(c.message)}">${text}</failure>\n  </testcase>`;
    if (c.status === 'unknown') return `${open}>\n    <skipped message="${esc(c.message)}"/>\n  </testcase>`;
    return `${open}>\n    <system-out>${esc(`${c.status.toUpperCase()}: ${c.message}`)}${text ? '\n' + text : ''}</system-out>\n  </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="${esc(suite)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}" errors="0" time="${(timeMs / 1000).toFixed(3)}">\n${body.join('\n')}\n</testsuite>\n`;
}

function esc(text: string): string {
  // XML 1.0 forbids most control characters even escaped: drop them.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
