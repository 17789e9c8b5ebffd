// `lianjian list matters [--status …] [--overdue] [--json]` and `lianjian export matters`:
// the same channels as the page, phones masked, and clear messages for a wrong option.
import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCaptured } from '../helpers/cli-run'
import { saveJinhua, testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend | undefined
afterEach(() => b?.dispose())

async function seed(): Promise<TestBackend> {
  const t = testBackend()
  await saveJinhua(t)
  const item = { source: '12345 热线', kind: '问题', content: '锦华苑3栋楼道灯不亮' } as const
  // Long past its deadline and still open: overdue.
  await t.call('matters:create', { ...item, reported_on: '2020-05-06', phone: '13912345678' })
  const done = await t.call('matters:create', { ...item, reported_on: '2020-05-07' })
  await t.call('matters:cancel', { id: done.id, reason: '重复登记' })
  await t.call('matters:create', { ...item, reported_on: '2099-01-01', content: '垃圾清运' })
  t.close()
  return t
}

describe('lianjian list matters', () => {
  it('filters by status and by overdue, masks phones and prints JSON', async () => {
    b = await seed()
    const all = await runCaptured(['list', 'matters', '--data-dir', b.dataDir])
    expect(all.code).toBe(0)
    expect(all.out).toContain('民情事项：共 3 条')
    const cancelled = await runCaptured([
      'list',
      'matters',
      '--status',
      '已取消',
      '--json',
      '--data-dir',
      b.dataDir,
    ])
    const rows = (JSON.parse(cancelled.out) as { rows: { code: string; status: string }[] }).rows
    expect(rows.map((r) => [r.code, r.status])).toEqual([['2020-0002', '已取消']])
    const overdue = await runCaptured([
      'list',
      'matters',
      '--overdue',
      '--json',
      '--data-dir',
      b.dataDir,
    ])
    const late = (
      JSON.parse(overdue.out) as { rows: { code: string; phone: string; overdue: number }[] }
    ).rows
    expect(late.map((r) => [r.code, r.phone, r.overdue])).toEqual([['2020-0001', '139****5678', 1]])
    expect(overdue.out).not.toContain('13912345678')
  })

  it('says which states exist when --status is wrong, and that the filters are for matters only', async () => {
    b = await seed()
    const bad = await runCaptured(['list', 'matters', '--status', '完成', '--data-dir', b.dataDir])
    expect(bad.code).not.toBe(0)
    expect(bad.err).toContain(
      '--status 只能是：待派单、已派单、已接单、办理中、已反馈、已结项、已评价、已取消、已合并',
    )
    const other = await runCaptured(['list', 'talents', '--overdue', '--data-dir', b.dataDir])
    expect(other.code).not.toBe(0)
    expect(other.err).toContain('--status 和 --overdue 只用于 lianjian list matters')
  })
})

describe('lianjian export matters', () => {
  it('writes the 办理台账 (masked) with the chosen filter', async () => {
    b = await seed()
    const out = join(b.dataDir, '台账.xlsx')
    const r = await runCaptured([
      'export',
      'matters',
      '--overdue',
      '--out',
      out,
      '--data-dir',
      b.dataDir,
    ])
    expect(r.code).toBe(0)
    expect(r.out).toContain('已导出 1 条民情事项')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    expect(String(ws?.getRow(1).getCell(1).value)).toBe('青云街道锦华社区民情事项办理台账')
    const text = JSON.stringify(ws?.getSheetValues())
    expect(text).toContain('139****5678')
    expect(text).not.toContain('13912345678')
    expect(text).not.toContain('垃圾清运')
  })
})
