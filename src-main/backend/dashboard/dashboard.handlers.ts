import type Database from 'better-sqlite3'
import type { Output, ParsedInput } from '../../shared/contract'
import { REGISTERS, type RegisterSpec } from '../../shared/registers/registers'
import type { AppContext } from '../app/context'
import { recentAudit } from '../audit/audit.repo'
import { meetingStats } from '../meetings/resolutions.repo'
import { nameOf } from '../registers/register.repo'
import {
  openItems,
  registerCounts,
  talentsByCategory,
  talentsByGrid,
  termsEnding,
  unitsByNature,
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
  r: { table_name: string; row_id: number; after_json: string | null; before_json: string | null },
): { what: string; register: string } {
  const table = r.table_name
  const specs = Object.values(REGISTERS) as RegisterSpec[]
  const own = specs.find((s) => s.table === table)
  const parent = specs.find((s) => s.children.some((c) => c.table === table))
  const data = JSON.parse(r.after_json ?? r.before_json ?? '{}') as Record<string, unknown>
  // An update records only what changed; the name then comes from the row itself.
  const named = (column: string) =>
    String(data[column] ?? nameOf(db, table, column, r.row_id) ?? '')
  if (own) return { what: `${own.noun}「${named(own.nameField)}」`, register: own.key }
  if (parent) {
    const child = parent.children.find((c) => c.table === table)
    return {
      what: `${child?.label ?? ''}「${child ? named(child.titleField) : ''}」`,
      register: parent.key,
    }
  }
  if (table === 'grids') return { what: `网格「${String(data.name ?? '')}」`, register: 'grids' }
  if (table === 'settings') return { what: '社区信息', register: 'settings' }
  return { what: table, register: '' }
}

export function dashboardSummary(
  _input: ParsedInput<'dashboard:summary'>,
  ctx: AppContext,
): Output<'dashboard:summary'> {
  const open = openItems(ctx.db)
  return {
    counts: registerCounts(ctx.db),
    talentsByCategory: talentsByCategory(ctx.db),
    talentsByGrid: talentsByGrid(ctx.db),
    unitsByNature: unitsByNature(ctx.db),
    termsEnding: termsEnding(ctx.db),
    openItems: open.rows,
    openItemCount: open.total,
    meetings: meetingStats(ctx.db),
    recent: recentAudit(ctx.db, 12).map((r) => {
      const d = describe(ctx.db, r)
      // Child rows link to their register record.
      return {
        id: r.id,
        at: r.at,
        operator: r.operator,
        action: ACTIONS[r.action] ?? r.action,
        what: d.what,
        register: d.register,
        row_id: r.parent_id ?? r.row_id,
      }
    }),
  }
}
