import type { CellResult } from './soak-cell.ts';

/** The soak's results as a Markdown table, one row per cell and client. */
export function formatTable(results: readonly CellResult[], withHeader: boolean): string {
  const lines: string[] = [];
  if (withHeader) {
    lines.push('| settings | backend | drop | client | drops | expected | received | lost: never reached gateway | lost: reached gateway | duplicated | out of order | gave up | gaps announced (client / gateway metric) |');
    lines.push('| --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  }
  for (const r of results) {
    for (const row of r.rows) {
      const announced = row.kind === 'viewer' ? String(row.gapNotices) : 'n/a';
      lines.push(
        `| ${r.spec.settings} | ${r.spec.backend} Last-Event-ID | ${r.spec.drop} | ${row.kind} | ${r.spec.drops} | ${row.expected} | ${row.received} | ${row.lostNeverReachedGateway} | ${row.lostReachedGateway}${row.lostSample.length ? ` (e.g. ${row.lostSample.slice(0, 3).join(', ')})` : ''} | ${row.duplicated} | ${row.outOfOrder} | ${row.gaveUp ? 'YES' : 'no'} | ${announced} / ${r.gatewayGaps} |`,
      );
    }
  }
  return lines.join('\n');
}
