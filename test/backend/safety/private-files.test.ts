// On a shared office PC another account must not read the registers: the data folder, the
// database (and its -wal), the staging folder and the backups are the user's alone.
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { stagingDir } from '../../../src-main/backend/safety/staging'
import { addTalent } from '../../helpers/safety-helpers'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'

let b: TestBackend
afterEach(() => b.dispose())
const mode = (p: string) => statSync(p).mode & 0o777

describe.skipIf(process.platform === 'win32')('files readable by the user only', () => {
  it('data folder, database, wal, staging and backups', async () => {
    b = testBackend()
    await addTalent(b, '李志红')
    const backup = await b.call('safety:backup', {})
    const db = b.ctx.paths.database
    expect(mode(b.dataDir)).toBe(0o700)
    expect(mode(db)).toBe(0o600)
    expect(mode(`${db}-wal`)).toBe(0o600)
    expect(mode(stagingDir(b.ctx))).toBe(0o700)
    expect(mode(b.ctx.paths.backups)).toBe(0o700)
    expect(mode(join(backup.folder, backup.name))).toBe(0o600)
    for (const f of readdirSync(b.ctx.paths.backups))
      expect(mode(join(b.ctx.paths.backups, f)), f).toBe(0o600)
  })

  it('read-only mode stages in a private folder of its own, never a fixed shared one', () => {
    b = testBackend()
    b.ctx.safety.readOnly = true
    const dir = stagingDir(b.ctx)
    b.ctx.safety.readOnly = false
    expect(dir).not.toMatch(/lianjian-staging$/)
    expect(dir.startsWith(b.dataDir)).toBe(false)
    expect(mode(dir)).toBe(0o700)
  })
})
