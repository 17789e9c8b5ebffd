import type Database from 'better-sqlite3'
import dayjs from 'dayjs'
import type { Output, ParsedInput } from '../../shared/contract'
import { REGISTERS, type RegisterSpec } from '../../shared/registers/registers'
import type { AppContext } from '../app/context'
import { recentAudit } from '../audit/audit.repo'
import { meetingStats } from '../meetings/resolutions.repo'
import { isLive, nameOf } from '../registers/register.repo'
import {
  openItems,
  registerCounts,
  talentsByCategory,
  talentsByGrid,
  termsEnding,
  unitsByNature,
  writeStamp,
} from './dashboard.repo'

const ACTIONS: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  purge: '彻底删除',
  export: '导出',
}

function describe(
  db: Database.Database,
  r: {
    table_name: string
    row_id: number
    parent_id: number | null
    after_json: string | null
    before_json: string | null
  },
): { what: string; register: string; live: boolean } {
  const table = r.table_name
  const specs = Object.values(REGISTERS) as RegisterSpec[]
  const own = specs.find((s) => s.table === table)
  const parent = specs.find((s) => s.children.some((c) => c.table === table))
  const data = JSON.parse(r.after_json ?? r.before_json ?? '{}') as Record<string, unknown>
  // An update records only what changed; the name then comes from the row itself.
  const named = (column: string) =>
    String(data[column] ?? nameOf(db, table, column, r.row_id) ?? '')
  // A record deleted or purged since is named but not linked: its page would find nothing.
  if (own) {
    const live = isLive(db, own.table, r.row_id)
    return { what: `${own.noun}「${named(own.nameField)}」`, register: own.key, live }
  }
  if (parent) {
    const child = parent.children.find((c) => c.table === table)
    return {
      what: `${child?.label ?? ''}「${child ? named(child.titleField) : ''}」`,
      register: parent.key,
      live: r.parent_id !== null && isLive(db, parent.table, r.parent_id),
    }
  }
  if (table === 'grids') {
    const live = isLive(db, 'grids', r.row_id)
    return { what: `网格「${String(data.name ?? '')}」`, register: 'grids', live }
  }
  if (table === 'matter_deadlines')
    return { what: '民情事项办理时限', register: 'settings', live: true }
  return { what: table === 'settings' ? '社区信息' : table, register: table, live: true }
}

type Summary = Output<'dashboard:summary'>

// 工作台 counts every row of the registers (100,000 talents in a city), and she lands on it at
// every start and returns to it often, usually with nothing changed in between. The last answer
// is kept until this connection writes (total_changes), another process such as the command
// line writes (data_version), or the day turns (terms ending, overdue items, this year's
// meetings). Kept per connection, so a restored or reopened database starts afresh.
const kept = new WeakMap<Database.Database, { stamp: string; summary: Summary }>()

export function dashboardSummary(
  _input: ParsedInput<'dashboard:summary'>,
  ctx: AppContext,
): Summary {
  const now = `${writeStamp(ctx.db)}:${dayjs().format('YYYY-MM-DD')}`
  const hit = kept.get(ctx.db)
  if (hit?.stamp === now) return hit.summary
  const summary = computeSummary(ctx.db)
  kept.set(ctx.db, { stamp: now, summary })
  return summary
}

function computeSummary(db: Database.Database): Summary {
  const open = openItems(db)
  return {
    counts: registerCounts(db),
    talentsByCategory: talentsByCategory(db),
    talentsByGrid: talentsByGrid(db),
    unitsByNature: unitsByNature(db),
    termsEnding: termsEnding(db),
    openItems: open.rows,
    openItemCount: open.total,
    meetings: meetingStats(db),
    recent: recentAudit(db, 12).map((r) => {
      const d = describe(db, r)
      // Child rows link to their register record.
      return {
        id: r.id,
        at: r.at,
        operator: r.operator,
        action: ACTIONS[r.action] ?? r.action,
        what: d.what,
        register: d.register,
        live: d.live,
        row_id: r.parent_id ?? r.row_id,
      }
    }),
  }
}
