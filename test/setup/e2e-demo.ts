// E2E global set-up: the demo community is generated once per run (`lianjian demo` through the
// built CLI) and the files that need it copy the folder (demoCopy in test/e2e/web-door.ts)
// instead of generating it again each. It lives outside the run's TMPDIR: this set-up runs
// before the one that makes that folder, and its own teardown removes it.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    demoDataDir: string
  }
}

export function setup(project: TestProject): () => void {
  if (!existsSync('out/main/cli.js'))
    throw new Error('E2E needs the built app: run `npm run build` (npm test does it for you)')
  const dir = mkdtempSync(join(tmpdir(), 'lianjian-e2e-demo-'))
  const demo = spawnSync(process.execPath, ['out/main/cli.js', 'demo', '--data-dir', dir], {
    encoding: 'utf8',
  })
  if (demo.status !== 0) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`lianjian demo failed (exit ${String(demo.status)}): ${demo.stderr}`)
  }
  project.provide('demoDataDir', dir)
  return () => rmSync(dir, { recursive: true, force: true })
}
