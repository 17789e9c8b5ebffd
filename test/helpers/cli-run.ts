// Runs the CLI in-process with its output captured, and hands out temp folders that are
// removed after each test: the harness every CLI test file shares.
import { rmSync } from 'node:fs'
import { afterEach } from 'vitest'
import { runCli } from '../../src-main/cli/cli'
import { tempDir } from './temp-backend'

export async function runCaptured(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** A temp-folder maker whose folders are deleted after each test of the calling file. */
export function tempDirsPerTest(): () => string {
  const dirs: string[] = []
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
  })
  return () => {
    const d = tempDir()
    dirs.push(d)
    return d
  }
}
