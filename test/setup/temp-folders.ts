// Vitest global set-up: every run gets its own temp folder as TMPDIR (os.tmpdir() in the tests,
// their child processes, the web door and Chromium all use it), and the run fails when a test
// leaves anything behind in it. The folder itself is removed either way.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function setup(): () => void {
  const outer = tmpdir()
  const dir = mkdtempSync(join(outer, 'lianjian-suite-'))
  process.env['TMPDIR'] = dir
  return () => {
    process.env['TMPDIR'] = outer
    const left = readdirSync(dir)
    rmSync(dir, { recursive: true, force: true })
    if (left.length === 0) return
    // Vitest reports an error thrown here but still exits 0: set the exit code as well.
    process.exitCode = 1
    throw new Error(
      `测试在临时目录里留下了 ${left.length} 项（用 tempDir() 创建临时目录会自动删除；` +
        `其他自建的文件请在 afterAll 里删除）：${left.slice(0, 20).join(', ')}`,
    )
  }
}
