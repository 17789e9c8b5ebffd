// The log a person can use: a rotated file under the data folder, stack frames without messages,
// and 复制诊断信息 that names the run's problems but no record.
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LOG_KEEP, LOG_MAX_BYTES, log, logToFolder, stackFrames } from '../../src-main/backend/log'
import { tempDir, testBackend } from '../helpers/temp-backend'

const dirs: string[] = []
afterEach(() => {
  logToFolder(null)
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

describe('log file', () => {
  it('writes lines to logs/lianjian.log, private to the user, and rotates at the size cap', () => {
    const dir = tempDir()
    dirs.push(dir)
    const file = logToFolder(join(dir, 'logs')) ?? ''
    expect(file).toBe(join(dir, 'logs', 'lianjian.log'))
    log.warn('first line')
    expect(readFileSync(file, 'utf8')).toMatch(/WARN first line\n$/)
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    const filler = 'x'.repeat(1000)
    const lines = Math.ceil(((LOG_KEEP + 2) * LOG_MAX_BYTES) / 1000)
    for (let i = 0; i < lines; i++) log.warn(filler)
    expect(statSync(file).size).toBeLessThanOrEqual(LOG_MAX_BYTES + 1100)
    for (let i = 1; i <= LOG_KEEP; i++) expect(existsSync(`${file}.${i}`)).toBe(true)
    expect(existsSync(`${file}.${LOG_KEEP + 1}`)).toBe(false)
  })

  it('keeps frames as file:line and never the message of the error', () => {
    const e = new Error('张三 13812345678')
    const frames = stackFrames(e)
    expect(frames).toMatch(/log\.test\.ts:\d+/)
    expect(frames).not.toContain('张三')
    expect(frames).not.toContain('13812345678')
  })
})

describe('app:diagnostics', () => {
  it('reports version, state and recent problems, and no register data', async () => {
    const b = testBackend()
    try {
      await b.call('talents:create', {
        name: '诊断测试人',
        phone: '13812345678',
        status: '在册',
      })
      log.warn('diagnostics marker warning')
      const { text } = await b.call('app:diagnostics', {})
      expect(text).toContain('数据状态：正常')
      expect(text).toContain(b.dataDir)
      expect(text).toMatch(/社区能人 1/)
      expect(text).toContain('diagnostics marker warning')
      expect(text).not.toContain('诊断测试人')
      expect(text).not.toContain('13812345678')
    } finally {
      b.dispose()
    }
  })
})
