// 「打开」 hands a path to the system only for documents this installation generated: a row
// brought in by a data package (or a restored database) names a file the app never wrote,
// and must neither be opened nor even looked at; templates in packages are .docx only.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { insertMeeting } from '../helpers/meeting-fixture'
import { tempDir, testBackend, type TestBackend } from '../helpers/temp-backend'
import { HOSTILE_TEMPLATES, templateWithWebLink } from '../hostile/template-corpus'

const open: TestBackend[] = []
afterEach(() => {
  for (const b of open.splice(0)) b.dispose()
})
const backend = async () => {
  const b = testBackend()
  open.push(b)
  await b.call('settings:save', {
    community_name: '锦华社区',
    street_name: '青云街道',
    party_org_name: '中共锦华社区委员会',
  })
  return b
}

let opener: string
let log: string
beforeAll(() => {
  const dir = tempDir()
  log = join(dir, 'opened.txt')
  opener = join(dir, 'opener.sh')
  writeFileSync(opener, `#!/bin/sh\necho "$1" >> "${log}"\n`)
  chmodSync(opener, 0o755)
  process.env.LIANJIAN_OPENER = opener
})
afterAll(() => {
  delete process.env.LIANJIAN_OPENER
})

async function transfer(from: TestBackend, to: TestBackend): Promise<void> {
  const r = await from.call('safety:package-export', {})
  const chunks: Buffer[] = []
  for (let offset = 0; ;) {
    const c = await from.call('safety:download', { fileName: r.fileName, offset })
    chunks.push(Buffer.from(c.base64, 'base64'))
    offset += chunks.at(-1)?.length ?? 0
    if (c.done) break
  }
  const zip = Buffer.concat(chunks)
  const uploadId = `g-${Date.now()}`
  await to.call('safety:upload', { uploadId, offset: 0, base64: zip.toString('base64') })
  await to.call('safety:package-import', { uploadId })
}

describe('opening generated documents', () => {
  it('refuses rows a package brought in, even when the named file exists', async () => {
    const from = await backend()
    const meetingId = insertMeeting(from.ctx.db)
    const made = await from.call('documents:generate', { kind: 'sign-in', meetingId })
    // What an attacker writes into the package's database: a script outside any documents folder.
    const script = join(tempDir(), '2026-11-22 第3次党建联席会议纪要.sh')
    writeFileSync(script, '#!/bin/sh\nid\n')
    from.ctx.db
      .prepare(
        `INSERT INTO generated_documents (kind, subject, path, folder, created_at, seal)
         VALUES ('minutes', '第3次', ?, ?, '2026-11-22 10:00:00', ?)`,
      )
      .run(script, join(script, '..'), 'ab'.repeat(32))
    // The same file with a document's extension, sealed under the other installation's key.
    const docx = join(tempDir(), '外来.docx')
    writeFileSync(docx, readFileSync(made.path))
    const sealed = from.ctx.db
      .prepare('SELECT seal FROM generated_documents WHERE id = ?')
      .get(made.id) as { seal: string }
    expect(sealed.seal).toMatch(/^[0-9a-f]{64}$/)
    from.ctx.db
      .prepare(
        `INSERT INTO generated_documents (kind, subject, path, folder, created_at, seal)
         VALUES ('minutes', '外来', ?, ?, '2026-11-22 11:00:00', ?)`,
      )
      .run(docx, join(docx, '..'), sealed.seal)

    // On the computer that generated it, its own document opens.
    expect(await from.raw('documents:open', { id: made.id })).toMatchObject({ ok: true })
    const opened = () =>
      existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []
    await expect.poll(opened, { timeout: 10_000 }).toEqual([made.path])

    const to = await backend()
    await transfer(from, to)
    const list = await to.call('documents:generated', {})
    expect(list).toHaveLength(3)
    for (const row of list) expect(row).toMatchObject({ foreign: true, exists: false })
    for (const row of list)
      for (const target of ['file', 'folder'] as const) {
        const r = await to.raw('documents:open', { id: row.id, target })
        expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
        if (!r.ok) expect(r.error.message).toContain('不是在这台电脑上生成的')
      }
    // Nor are their folders offered as places to save the next document.
    expect((await to.call('documents:info', {})).recentFolders).toEqual([])
    const pdf = await to.raw('documents:pdf', { id: list[0]?.id ?? 0 })
    expect(pdf).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    // What it generates itself opens as before. A refusal returns before any opener starts, so
    // once this one has written its line the log holds every open there was: no sleep needed.
    const mine = await to.call('documents:generate', {
      kind: 'sign-in',
      meetingId: insertMeeting(to.ctx.db),
    })
    expect(mine).toMatchObject({ foreign: false, exists: true })
    expect(await to.raw('documents:open', { id: mine.id })).toMatchObject({ ok: true })
    await expect.poll(opened, { timeout: 10_000 }).toEqual([made.path, mine.path])
  })

  it('never opens a UNC path or a type it does not make, even if sealed', async () => {
    const b = await backend()
    const { sealPath } = await import('../../src-main/backend/documents/document-seal')
    const rows = ['\\\\evil-host\\share\\纪要.docx', '//evil-host/share/纪要.docx', '/tmp/x.sh']
    for (const path of rows)
      b.ctx.db
        .prepare(
          `INSERT INTO generated_documents (kind, path, folder, created_at, seal)
           VALUES ('minutes', ?, '', '2026-11-22 10:00:00', ?)`,
        )
        .run(path, sealPath(b.ctx.paths, path))
    const list = await b.call('documents:generated', {})
    expect(list.map((r) => r.foreign)).toEqual([true, true, true])
  })
})

describe('templates that reach outside', () => {
  for (const t of HOSTILE_TEMPLATES)
    it(`refuses a template with ${t.name}, naming it`, async () => {
      const b = await backend()
      const r = await b.call('documents:template-import', {
        kind: 'minutes',
        fileName: '社区纪要.docx',
        base64: t.data().toString('base64'),
      })
      expect(r.template).toBeNull()
      expect(r.problems.map((p) => p.message).join('；')).toMatch(t.error)
    })

  it('keeps accepting an ordinary web link', async () => {
    const b = await backend()
    const r = await b.call('documents:template-import', {
      kind: 'minutes',
      fileName: '带网址的纪要.docx',
      base64: templateWithWebLink().toString('base64'),
    })
    expect(r.problems).toEqual([])
    expect(r.template?.id).toBe('带网址的纪要.docx')
  })
})
