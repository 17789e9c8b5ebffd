// The built CLI writing into a slow pipe: everything it prints must arrive, not just the
// first 64 KiB the pipe buffer holds when the process ends.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-backend'

const CLI = 'out/main/cli.js'
let dataDir = ''

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('先运行 npx electron-vite build 构建命令行程序')
  dataDir = tempDir()
  const demo = spawnSync(process.execPath, [CLI, 'demo', '--data-dir', dataDir])
  expect(demo.status).toBe(0)
}, 60_000)
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

/** Runs the CLI into a reader that only starts after a pause, so the pipe fills up first. */
function piped(args: string[]): string {
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
  return execFileSync('sh', ['-c', `"${process.execPath}" ${CLI} ${quoted} | (sleep 1; cat)`], {
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  })
}

describe('CLI output into a pipe', () => {
  it('list --json arrives whole (well over 200 KB) and parses', () => {
    const text = piped(['list', 'talents', '--json', '--data-dir', dataDir])
    expect(Buffer.byteLength(text)).toBeGreaterThan(200 * 1024)
    const data = JSON.parse(text) as { total: number; rows: unknown[] }
    expect(data.rows).toHaveLength(data.total)
  }, 60_000)

  it('still ends with the exit code of the command and its Chinese message', () => {
    const r = spawnSync(process.execPath, [CLI, 'list', 'nothing', '--data-dir', dataDir], {
      encoding: 'utf8',
    })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('请指定要列出的登记簿')
  }, 60_000)
})
