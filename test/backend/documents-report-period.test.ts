// The 工作报告's lists and figures all belong to its period: a 2025 第一季度 report never lists a
// 2026 议定事项, and its 逾期 count is a part of its own 议定事项.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportData } from '../../src-main/backend/documents/report-data'
import { fillDemo } from '../../src-main/backend/demo/demo'
import { insertMeeting } from '../helpers/meeting-fixture'
import { testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend

beforeAll(() => {
  b = testBackend()
  fillDemo(b.ctx)
  insertMeeting(b.ctx.db, {
    title: '二〇二五年春季联席会议',
    meeting_date: '2025-02-20',
    resolutions: [
      { content: '春季事项甲', lead_unit_name: '区城管局', deadline: '2025-03-10' },
      {
        content: '春季事项乙',
        lead_unit_name: '区城管局',
        deadline: '2025-05-30',
        status: '未开始',
      },
    ],
  })
  insertMeeting(b.ctx.db, {
    title: '二〇二六年冬季联席会议',
    meeting_date: '2026-11-02',
    resolutions: [{ content: '冬季事项丙', lead_unit_name: '区城管局', deadline: '2026-11-20' }],
  })
})

afterAll(() => b.dispose())

const items = (d: ReturnType<typeof reportData>) =>
  (d.overdue as { content: string }[]).map((o) => o.content)

describe('工作报告 period', () => {
  it('a past quarter lists only its own overdue items, as of its last day', () => {
    const d = reportData(b.ctx, { year: 2025, quarter: 1 }, '2026-12-01')
    expect(items(d)).toContain('春季事项甲')
    // Due after the quarter ended: not overdue on 2025-03-31.
    expect(items(d)).not.toContain('春季事项乙')
    expect(items(d)).not.toContain('冬季事项丙')
    expect(Number(d.overdue_total)).toBeLessThanOrEqual(Number(d.resolution_total))
    expect(d.end_date).toBe('2025年3月31日')
    expect(String(d.period_note)).toContain('本报告统计期为2025年1月1日至2025年3月31日')
  })

  it('the running quarter counts up to today and leaves earlier periods out', () => {
    const d = reportData(b.ctx, { year: 2026, quarter: 4 }, '2026-12-01')
    expect(items(d)).toContain('冬季事项丙')
    expect(items(d)).not.toContain('春季事项甲')
    expect(Number(d.overdue_total)).toBeLessThanOrEqual(Number(d.resolution_total))
    expect(d.end_date).toBe('2026年12月1日')
  })
})
