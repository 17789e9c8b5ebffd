// The 工作报告 (季度 / 年度): every figure computed from the registers for the period.
import dayjs from 'dayjs'
import { chineseDate } from '../../shared/dates'
import type { AppContext } from '../app/context'
import { readSettings } from '../settings/settings.repo'
import { reportFigures, type NamedCount } from './documents.repo'
import { cnIndex, PER_LINE } from './meeting-data'
import { breakTitle } from './layout-text'
import type { DocData } from './render-docx'

export interface Period {
  year: number
  quarter?: number | null | undefined
}

export function periodRange(p: Period): { start: string; end: string; label: string } {
  if (p.quarter) {
    const start = dayjs(`${p.year}-01-01`).add((p.quarter - 1) * 3, 'month')
    return {
      start: start.format('YYYY-MM-DD'),
      end: start.add(3, 'month').subtract(1, 'day').format('YYYY-MM-DD'),
      label: `${p.year}年第${cnIndex(p.quarter)}季度`,
    }
  }
  return { start: `${p.year}-01-01`, end: `${p.year}-12-31`, label: `${p.year}年度` }
}

const percent = (n: number, total: number) => (total ? `${Math.round((n / total) * 100)}%` : '—')
const number = (n: number) => String(Math.round(n * 10) / 10)

function counts(list: NamedCount[], total: number, unit: string) {
  return {
    rows: list.map((c, i) => ({
      index: String(i + 1),
      name: c.name,
      count: String(c.count),
      percent: percent(c.count, total),
    })),
    text: list.length ? list.map((c) => `${c.name}${c.count}${unit}`).join('、') : '暂无',
  }
}

export function reportData(
  ctx: AppContext,
  period: Period,
  today = dayjs().format('YYYY-MM-DD'),
): DocData {
  const { start, end, label } = periodRange(period)
  // A report of the running period counts up to today; a past one as of its last day.
  const asOf = end < today ? end : today
  const f = reportFigures(ctx.db, start, end, asOf)
  const community = readSettings(ctx.db)?.community_name ?? ''
  const status = (s: string) => f.resolutionsByStatus.find((x) => x.name === s)?.count ?? 0
  const resolutionTotal = f.resolutionsByStatus.reduce((a, b) => a + b.count, 0)
  const byCategory = counts(f.talentByCategory, f.talentTotal, '人')
  const byGrid = counts(f.talentByGrid, f.talentTotal, '人')
  const byNature = counts(f.unitByNature, f.unitTotal, '家')
  const types = new Map<string, number>()
  for (const m of f.meetings) types.set(m.meeting_type, (types.get(m.meeting_type) ?? 0) + 1)
  return {
    report_title: breakTitle(`${community}${label}党建联建工作报告`, PER_LINE.title),
    period_label: label,
    year: String(period.year),
    quarter: period.quarter ? String(period.quarter) : '',
    start_date: chineseDate(start),
    end_date: chineseDate(asOf),
    period_note: `本报告统计期为${chineseDate(start)}至${chineseDate(asOf)}：会议和议定事项按会议日期计入本期；在册人数、共建单位数为截至${chineseDate(asOf)}的数字；逾期未完成事项指本期议定事项中完成时限早于${chineseDate(asOf)}、截至该日仍未完成的事项。`,
    talent_total: String(f.talentTotal),
    talent_new: String(f.talentNew),
    talent_party: String(f.talentParty),
    talent_by_category: byCategory.rows,
    talent_by_category_text: byCategory.text,
    talent_by_grid: byGrid.rows,
    talent_by_grid_text: byGrid.text,
    unit_total: String(f.unitTotal),
    unit_new: String(f.unitNew),
    unit_by_nature: byNature.rows,
    unit_by_nature_text: byNature.text,
    committee_total: String(f.committeeTotal),
    household_total: String(f.householdTotal),
    meeting_total: String(f.meetings.length),
    meeting_by_type_text: [...types].map(([t, n]) => `${t}${n}次`).join('、'),
    has_meetings: f.meetings.length > 0,
    meetings: f.meetings.map((m, i) => ({
      index: String(i + 1),
      cn_index: cnIndex(i + 1),
      date: chineseDate(m.meeting_date),
      title: m.title,
      meeting_type: m.meeting_type,
      location: m.location,
      resolution_count: String(m.resolution_count),
    })),
    resolution_total: String(resolutionTotal),
    resolution_done: String(status('已完成')),
    resolution_doing: String(status('推进中')),
    resolution_todo: String(status('未开始')),
    resolution_rate: percent(status('已完成'), resolutionTotal),
    overdue_total: String(f.overdue.length),
    has_overdue: f.overdue.length > 0,
    overdue: f.overdue.map((o, i) => ({
      index: String(i + 1),
      cn_index: cnIndex(i + 1),
      content: o.content.trim().replace(/[。；;.，,]+$/, ''),
      lead_unit: o.lead_unit_name,
      deadline: chineseDate(o.deadline),
      status: o.status,
      meeting_title: o.meeting_title,
    })),
    service_count: String(f.services.count),
    service_hours: number(f.services.hours),
    service_people: String(f.services.people),
    visit_count: String(f.visits.count),
    visit_followup: String(f.visits.followup),
  }
}
