// Channels only the UI used to call: the pick lists (共建单位, 会议), the documents and
// data-folder information, the import template, opening a user template, and reordering
// 参会人员 and 议定事项. Through the real dispatch, on a real data folder.
import ExcelJS from 'exceljs'
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sheetColumns } from '../../src-main/shared/registers/columns'
import { tempDir, testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
beforeEach(() => {
  b = testBackend()
})
afterEach(() => b.dispose())

const unit = (name: string, status = '共建中') =>
  b.call('units:create', { name, liaison: '王敏', liaison_phone: '13800002222', status })
const meeting = (title: string, meeting_date: string) =>
  b.call('meetings:create', {
    meeting_type: '党建联席会议',
    title,
    meeting_date,
    location: '社区党群服务中心',
  })

describe('pick lists', () => {
  it('units:options lists live units, partners first, then by name', async () => {
    await unit('锦华物业', '已退出')
    const school = await unit('锦华小学')
    const gone = await unit('市第一人民医院')
    await b.call('units:delete', { id: gone.id })
    const options = await b.call('units:options', {})
    expect(options.map((o) => [o.name, o.status])).toEqual([
      ['锦华小学', '共建中'],
      ['锦华物业', '已退出'],
    ])
    expect(options[0]?.id).toBe(school.id)
  })

  it('documents:meetings offers live meetings, newest first', async () => {
    await meeting('第一次党建联席会议', '2026-03-10')
    const second = await meeting('第二次党建联席会议', '2026-06-10')
    const deleted = await meeting('已取消的会议', '2026-07-01')
    await b.call('meetings:delete', { id: deleted.id })
    const options = await b.call('documents:meetings', {})
    expect(options.map((m) => m.title)).toEqual(['第二次党建联席会议', '第一次党建联席会议'])
    expect(options[0]).toMatchObject({ id: second.id, meeting_date: '2026-06-10' })
  })
})

describe('information about the data folder', () => {
  it('documents:info names the folders under the data folder', async () => {
    const info = await b.call('documents:info', {})
    expect(info.defaultFolder).toBe(join(b.dataDir, '文档'))
    expect(info.templatesFolder.startsWith(b.dataDir)).toBe(true)
    expect(info.recentFolders).toEqual([])
    expect(typeof info.pdfAvailable).toBe('boolean')
  })

  it('safety:health reports a sound WAL database and counts the records', async () => {
    await unit('锦华小学')
    const health = await b.call('safety:health', {})
    expect(health).toMatchObject({
      mode: 'normal',
      quickCheck: 'ok',
      journalMode: 'wal',
      databasePath: join(b.dataDir, 'lianjian.sqlite'),
    })
    expect(health.size).toBeGreaterThan(0)
    expect(health.schemaVersion).toBeGreaterThan(0)
    expect(health.counts).toContainEqual(expect.objectContaining({ count: 1 }))
  })
})

describe('exchange:template', () => {
  it.each(['talents', 'units', 'committee', 'households'] as const)(
    '%s: a real .xlsx with the column labels, an explanation row and an example',
    async (register) => {
      const file = await b.call('exchange:template', { register })
      expect(file.fileName).toMatch(/导入模板\.xlsx$/)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
      const ws = wb.worksheets[0]
      const labels = sheetColumns(register).map((c) => c.label)
      const row = (n: number) =>
        ((ws?.getRow(n).values as unknown[]) ?? []).slice(1).map((v) => String(v ?? ''))
      expect(row(1)).toEqual(labels)
      expect(row(2).filter((v) => v !== '')).toHaveLength(labels.length)
      expect(row(3)[0]).not.toBe('')
      expect(ws?.rowCount).toBe(3)
    },
  )
})

describe('documents:template-open', () => {
  it('opens a user template with the system opener, never the built-in one', async () => {
    const copy = await b.call('documents:template-copy', { kind: 'notice' })
    const dir = tempDir()
    const log = join(dir, 'opened.txt')
    const opener = join(dir, 'opener.sh')
    writeFileSync(opener, `#!/bin/sh\necho "$1" >> "${log}"\n`)
    chmodSync(opener, 0o755)
    process.env.LIANJIAN_OPENER = opener
    try {
      const opened = await b.call('documents:template-open', { kind: 'notice', id: copy.id })
      expect(opened.path.endsWith(copy.id)).toBe(true)
      // The opener runs detached: wait for its trace, not a fixed time.
      await expect.poll(() => existsSync(log), { timeout: 10_000 }).toBe(true)
      expect(readFileSync(log, 'utf8').trim()).toBe(opened.path)
      const builtin = await b.raw('documents:template-open', { kind: 'notice', id: 'builtin' })
      expect(builtin).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      expect(!builtin.ok && builtin.error.message).toContain('请先「复制为我的模板」')
      const missing = await b.raw('documents:template-open', { kind: 'notice', id: '没有.docx' })
      expect(missing).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: '找不到「没有.docx」，它可能已被移动或删除' },
      })
      const escape = await b.raw('documents:template-open', { kind: 'notice', id: '../x.docx' })
      expect(escape).toMatchObject({ ok: false, error: { message: '模板名称不正确' } })
    } finally {
      delete process.env.LIANJIAN_OPENER
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('moving 参会人员 and 议定事项', () => {
  it('reorders each list, stops at the ends, and records the move on the meeting', async () => {
    const m = await meeting('第一次党建联席会议', '2026-03-10')
    const attendee = (name: string) =>
      b.call('meeting_attendees:create', { parentId: m.id, data: { name, attendance: '出席' } })
    const resolution = (content: string) =>
      b.call('meeting_resolutions:create', {
        parentId: m.id,
        data: { content, lead_unit_name: '锦华物业', status: '未开始' },
      })
    const a1 = await attendee('周建国')
    await attendee('陈晓梅')
    const a3 = await attendee('李志红')
    const r1 = await resolution('加装电梯意见征询')
    const r2 = await resolution('楼道照明改造')
    const names = async () =>
      (await b.call('meeting_attendees:list', { parentId: m.id })).map((a) => a.name)
    const contents = async () =>
      (await b.call('meeting_resolutions:list', { parentId: m.id })).map((r) => r.content)

    expect(await b.call('meeting_attendees:move', { id: a3.id, direction: 'up' })).toEqual({
      id: a3.id,
    })
    expect(await names()).toEqual(['周建国', '李志红', '陈晓梅'])
    await b.call('meeting_attendees:move', { id: a1.id, direction: 'up' })
    expect(await names()).toEqual(['周建国', '李志红', '陈晓梅'])
    await b.call('meeting_resolutions:move', { id: r1.id, direction: 'down' })
    expect(await contents()).toEqual(['楼道照明改造', '加装电梯意见征询'])
    await b.call('meeting_resolutions:move', { id: r2.id, direction: 'down' })
    expect(await contents()).toEqual(['加装电梯意见征询', '楼道照明改造'])

    const history = await b.call('meetings:history', { id: m.id })
    const moves = history.filter((h) => h.action === '修改')
    expect(moves.map((h) => [h.part, h.title, h.changes])).toEqual([
      [
        '议定事项',
        '楼道照明改造',
        [{ field: 'sort_order', label: '顺序', before: '1', after: '2' }],
      ],
      [
        '议定事项',
        '加装电梯意见征询',
        [{ field: 'sort_order', label: '顺序', before: '1', after: '2' }],
      ],
      ['参会人员', '李志红', [{ field: 'sort_order', label: '顺序', before: '3', after: '2' }]],
    ])
    const gone = await b.raw('meeting_resolutions:move', { id: 9999, direction: 'up' })
    expect(gone).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '这条议定事项不存在或已被删除，请刷新后重试' },
    })
  })
})
