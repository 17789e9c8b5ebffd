// `lianjian generate`, file naming that never overwrites, opening only what was generated,
// and PDF through LibreOffice (or the clear message when it is missing).
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBackend } from '../../src-main/backend/app/boot'
import { fillDemo } from '../../src-main/backend/demo/demo'
import {
  convertToPdf,
  findSoffice,
  safeFileName,
  writeUnique,
} from '../../src-main/backend/documents/output-files'
import { runCli } from '../../src-main/cli/cli'
import { docxText, makeDocx } from '../helpers/docx'
import { insertMeeting } from '../helpers/meeting-fixture'
import { tempDir } from '../helpers/temp-backend'

async function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env: {} })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

let data: string
let meetingId: number
beforeAll(() => {
  data = tempDir()
  const b = startBackend(data, 'test')
  fillDemo(b.ctx)
  meetingId = insertMeeting(b.ctx.db)
  b.close()
}, 60_000)

describe('lianjian generate', () => {
  it('writes the 纪要 to --out, and never overwrites it on a second run', async () => {
    const out = join(tempDir(), '纪要.docx')
    const first = await run([
      'generate',
      'minutes',
      '--meeting',
      String(meetingId),
      '--out',
      out,
      '--data-dir',
      data,
    ])
    expect(first.code).toBe(0)
    expect(first.out).toContain(`已生成会议纪要：${out}`)
    expect(docxText(readFileSync(out))).toContain('现将议定事项纪要如下：')
    const second = await run([
      'generate',
      'minutes',
      '--meeting',
      String(meetingId),
      '--out',
      out,
      '--data-dir',
      data,
    ])
    expect(second.code).toBe(0)
    expect(second.out).toContain('纪要.docx 已存在，没有覆盖，另存为 纪要（2）.docx')
  })

  it('defaults to 文档 in the data folder with the dated name; report by quarter', async () => {
    const r = await run([
      'generate',
      'report',
      '--year',
      '2026',
      '--quarter',
      '4',
      '--data-dir',
      data,
    ])
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/文档[\\/]\d{4}-\d\d-\d\d 2026年第四季度工作报告\.docx/)
    const roster = await run([
      'generate',
      'talent-roster',
      '--unmasked',
      '--search',
      '张',
      '--data-dir',
      data,
    ])
    expect(roster.code).toBe(0)
    expect(roster.out).toContain('人才库花名册（筛选）（未脱敏）.docx')
    expect(roster.out).toContain('本文档未脱敏')
  })

  it('fails with the Chinese problems of an invalid template, and for a bad kind or subject', async () => {
    const dir = tempDir()
    const bad = join(dir, '坏模板.docx')
    writeFileSync(bad, makeDocx(['{#resolutions}', '{foo}']))
    const r = await run([
      'generate',
      'minutes',
      '--meeting',
      String(meetingId),
      '--template',
      bad,
      '--data-dir',
      data,
    ])
    expect(r.code).toBe(1)
    expect(r.err).toContain('模板「坏模板.docx」有 2 处问题：')
    expect(r.err).toContain('循环「{#resolutions}」没有结束标签')
    const notWord = join(dir, 'x.docx')
    writeFileSync(notWord, 'plain text')
    const r2 = await run([
      'generate',
      'notice',
      '--meeting',
      String(meetingId),
      '--template',
      notWord,
      '--data-dir',
      data,
    ])
    expect(r2.code).toBe(1)
    expect(r2.err).toContain('不是有效的 Excel/Word 文件')
    expect((await run(['generate', 'flyer', '--data-dir', data])).code).toBe(2)
    const noMeeting = await run(['generate', 'minutes', '--data-dir', data])
    expect(noMeeting.code).toBe(1)
    expect(noMeeting.err).toBe('请选择会议')
  })

  it('uses a valid template given on the command line', async () => {
    const dir = tempDir()
    const mine = join(dir, '我的通知.docx')
    writeFileSync(mine, makeDocx(['通知：{title}，地点：{location}']))
    const out = join(dir, 'out.docx')
    const r = await run([
      'generate',
      'notice',
      '--meeting',
      String(meetingId),
      '--template',
      mine,
      '--out',
      out,
      '--data-dir',
      data,
    ])
    expect(r.code).toBe(0)
    expect(docxText(readFileSync(out))).toBe(
      '通知：锦华社区2026年第3次党建联席会议，地点：社区党群服务中心三楼会议室',
    )
  })
})

describe('files', () => {
  it('file names drop characters Windows refuses', () => {
    expect(safeFileName('2026-11-22 第3次会议/纪要:*?"<>|\u0001.')).toBe('2026-11-22 第3次会议纪要')
  })

  it('writeUnique never overwrites: （2）, （3）…', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.docx'), 'keep')
    const p2 = writeUnique(dir, 'a', '.docx', Buffer.from('new'))
    const p3 = writeUnique(dir, 'a', '.docx', Buffer.from('newer'))
    expect(p2).toBe(join(dir, 'a（2）.docx'))
    expect(p3).toBe(join(dir, 'a（3）.docx'))
    expect(readFileSync(join(dir, 'a.docx'), 'utf8')).toBe('keep')
  })
})

describe('open and PDF', () => {
  const b = () => startBackend(data, 'test')
  let backend: ReturnType<typeof b>
  beforeAll(() => {
    backend = b()
  })
  afterAll(() => backend.close())

  it('opens only documents it generated, with the system opener', async () => {
    const made = await backend.invoke('documents:generate', { kind: 'sign-in', meetingId })
    if (!made.ok) throw new Error(made.error.message)
    const gen = made.data as { id: number; path: string; folder: string }
    const log = join(tempDir(), 'opened.txt')
    const opener = join(tempDir(), 'opener.sh')
    writeFileSync(opener, `#!/bin/sh\necho "$1" >> "${log}"\n`)
    chmodSync(opener, 0o755)
    process.env.LIANJIAN_OPENER = opener
    try {
      expect(await backend.invoke('documents:open', { id: gen.id })).toMatchObject({ ok: true })
      expect(
        await backend.invoke('documents:open', { id: gen.id, target: 'folder' }),
      ).toMatchObject({ ok: true })
      // The two openers run detached and may finish in either order: poll for both lines.
      const lines = () =>
        existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []
      await expect
        .poll(() => lines().sort(), { timeout: 10_000 })
        .toEqual([gen.path, gen.folder].sort())
      expect(await backend.invoke('documents:open', { id: 99999 })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      })
    } finally {
      delete process.env.LIANJIAN_OPENER
    }
    const list = await backend.invoke('documents:generated', {})
    expect(list.ok && (list.data as { id: number }[])[0]?.id).toBe(gen.id)
  })

  it('says clearly when LibreOffice is not installed', () => {
    process.env.LIANJIAN_SOFFICE = ''
    try {
      expect(() => convertToPdf('/nonexistent.docx')).toThrow('这台电脑没有安装 LibreOffice')
    } finally {
      delete process.env.LIANJIAN_SOFFICE
    }
  })

  // Under CI LibreOffice is installed by the test command: a missing one fails, never skips.
  it.skipIf(!findSoffice() && !process.env.CI)(
    'converts a generated document to PDF with LibreOffice',
    async () => {
      const made = await backend.invoke('documents:generate', { kind: 'tasks', meetingId })
      if (!made.ok) throw new Error(made.error.message)
      const pdf = await backend.invoke('documents:pdf', { id: (made.data as { id: number }).id })
      if (!pdf.ok) throw new Error(pdf.error.message)
      const path = (pdf.data as { path: string }).path
      expect(path).toMatch(/议定事项任务分解表\.pdf$/)
      expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-')
    },
    120_000,
  )
})
