import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectFromArgv } from './command-line.ts';

const cwd = path.resolve('/home/ana/work');

describe('projectFromArgv', () => {
  it('reads the folder after the app path in development (electron . <folder>)', () => {
    expect(projectFromArgv(['/x/electron', '.', 'apis'], { defaultApp: true, cwd })).toBe(path.join(cwd, 'apis'));
  });

  it('reads the folder right after the executable when packaged', () => {
    expect(projectFromArgv(['/opt/SSE Studio/sse-studio', '/srv/apis'], { defaultApp: false, cwd })).toBe(path.resolve('/srv/apis'));
  });

  it('skips Chromium and macOS switches', () => {
    expect(projectFromArgv(['/x/electron', '.', '--no-sandbox', '--enable-logging', 'apis'], { defaultApp: true, cwd })).toBe(path.join(cwd, 'apis'));
    expect(projectFromArgv(['/Applications/SSE Studio.app/Contents/MacOS/SSE Studio', '-psn_0_12345'], { defaultApp: false, cwd })).toBeUndefined();
  });

  it('gives nothing when no folder was given', () => {
    expect(projectFromArgv(['/x/electron', '.'], { defaultApp: true, cwd })).toBeUndefined();
    expect(projectFromArgv(['/opt/sse-studio'], { defaultApp: false, cwd })).toBeUndefined();
  });
});
