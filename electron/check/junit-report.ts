import type { CheckResult, TargetReport } from './run-check.ts';
import { formatCheckReport } from './check-report.ts';

/**
 * The check result as JUnit XML, so CI systems show each topic as a test case: one test suite per
 * API, one case per topic. RED is a <failure> (events lost, duplicated or out of order, with the
 * ids), UNKNOWN an <error> (it could not be judged: the reason), SKIPPED a <skipped>. The whole
 * text report rides along in the suite's <system-out>.
 */
export function formatJUnit(result: CheckResult): string {
  const byApi = new Map<string, TargetReport[]>();
  for (const t of result.targets) byApi.set(t.apiId, [...(byApi.get(t.apiId) ?? []), t]);
  const count = (ts: TargetReport[], status: TargetReport['status']) => ts.filter((t) => t.status === status).length;
  const seconds = (result.durationMs / 1000).toFixed(3);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sse-studio check" tests="${result.targets.length}" failures="${count(result.targets, 'red')}" errors="${count(result.targets, 'unknown')}" skipped="${count(result.targets, 'skipped')}" time="${seconds}" timestamp="${attr(result.startedAt)}">`,
  ];
  for (const [apiId, targets] of byApi) {
    const first = targets[0] as TargetReport;
    lines.push(`  <testsuite name="${attr(`${first.api} ${first.version}`)}" id="${attr(apiId)}" tests="${targets.length}" failures="${count(targets, 'red')}" errors="${count(targets, 'unknown')}" skipped="${count(targets, 'skipped')}">`);
    for (const t of targets) lines.push(...testCase(t));
    lines.push('  </testsuite>');
  }
  lines.push(`  <system-out>${text(formatCheckReport(result).join('\n'))}</system-out>`);
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}

function testCase(t: TargetReport): string[] {
  const open = `    <testcase classname="${attr(`${t.api} ${t.version}`)}" name="${attr(t.topic)}"${t.path ? ` file="${attr(t.apiId)}"` : ''}>`;
  const v = t.verdict;
  const details = [t.reason, ...(v ? [v.summary, `rule: ${v.ruleWords}`, ...v.reasons, ...v.unknown, ...v.notes] : [])].filter((l): l is string => Boolean(l));
  const body = text(details.join('\n'));
  switch (t.status) {
    case 'green':
      return [open, `      <system-out>${body}</system-out>`, '    </testcase>'];
    case 'skipped':
      return [open, `      <skipped message="${attr(t.reason ?? 'not subscribed')}"/>`, '    </testcase>'];
    case 'red':
      return [open, `      <failure message="${attr(t.reason ?? v?.summary ?? 'red')}" type="red">${body}</failure>`, '    </testcase>'];
    case 'unknown':
      return [open, `      <error message="${attr(t.reason ?? v?.unknown[0] ?? 'unknown')}" type="unknown">${body}</error>`, '    </testcase>'];
  }
}

// XML 1.0 allows neither most control characters nor unpaired surrogates: they are dropped.
// eslint-disable-next-line no-control-regex -- control characters are exactly what we drop
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}
