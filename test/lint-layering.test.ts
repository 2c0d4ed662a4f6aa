import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The layering rules of ARCHITECTURE.md live in eslint.config.js; this proves they bite.
const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rules', () => {
  it.each([
    ['renderer/src/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['renderer/src/bad.tsx', "import fs from 'fs';\nexport const x = fs;\n"],
    ['renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/bad.ts', "import { StudioHost } from '../../electron/host/studio-host.ts';\nexport const x = StudioHost;\n"],
    ['shared/model/bad.ts', "import http from 'node:http';\nexport const x = http;\n"],
    ['shared/model/bad.ts', "import { Button } from '@mui/material';\nexport const x = Button;\n"],
    ['electron/gateway/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/host/bad.ts', "import { App } from '../../renderer/src/App.tsx';\nexport const x = App;\n"],
  ])('%s: %s fails lint', async (file, code) => {
    expect(await importErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['renderer/src/ok.ts', "import type { StudioClient } from '../../shared/api/contract.ts';\nexport type X = StudioClient;\n"],
    ['electron/gateway/ok.ts', "import http from 'node:http';\nexport const x = http;\n"],
    ['electron/main.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['shared/model/ok.ts', "import { parse } from 'yaml';\nexport const x = parse;\n"],
  ])('%s may do: %s', async (file, code) => {
    expect(await importErrors(file, code)).toEqual([]);
  });
});
