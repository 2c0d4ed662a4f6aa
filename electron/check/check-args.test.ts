import { describe, expect, it } from 'vitest';
import { parseCheckArgs } from './check-args.ts';

describe('sse-studio check arguments', () => {
  it('has defaults', () => {
    expect(parseCheckArgs(['proj'])).toEqual({ ok: true, value: { project: 'proj', events: 30, durationSeconds: 60, rate: 20, http2: false, backendDrop: true, numericIds: false, junit: undefined, json: false } });
  });

  it('reads every option', () => {
    const parsed = parseCheckArgs(['proj', '--events', '12', '--duration', '2.5', '--rate', '50', '--http2', '--no-backend-drop', '--numeric-ids', '--junit', 'out.xml', '--json']);
    expect(parsed).toEqual({ ok: true, value: { project: 'proj', events: 12, durationSeconds: 2.5, rate: 50, http2: true, backendDrop: false, numericIds: true, junit: 'out.xml', json: true } });
  });

  it.each([
    [[], /Give a project folder/],
    [['a', 'b'], /not 2 \(a, b\)/],
    [['p', '--events', '2'], /--events must be a whole number from 3 to 100000 \(got "2"\)/],
    [['p', '--events', '4.5'], /--events must be a whole number/],
    [['p', '--duration', 'soon'], /--duration must be a number from 1 to 86400/],
    [['p', '--rate', '5000'], /--rate must be a number from 0.1 to 1000/],
    [['p', '--junit', ''], /--junit needs a file/],
    [['p', '--bogus'], /Unknown option '--bogus'.*sse-studio check --help/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseCheckArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });

  it('asks for help', () => expect(parseCheckArgs(['-h'])).toEqual({ ok: true, help: true }));
});
