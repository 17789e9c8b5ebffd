import type { Output, ParsedInput } from '../../shared/contract'
import { REGISTERS, type RegisterSpec } from '../../shared/registers/registers'
import type { AppContext } from '../app/context'
import { recentAudit } from '../audit/audit.repo'
import { meetingStats } from '../meetings/resolutions.repo'
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
  table: string,
  afterJson: string | null,
  beforeJson: string | null,
): { what: string; register: string } {
  const specs = Object.values(REGISTERS) as RegisterSpec[]
  const own = specs.find((s) => s.table === table)
  const parent = specs.find((s) => s.children.some((c) => c.table === table))
  const data = JSON.parse(afterJson ?? beforeJson ?? '{}') as Record<string, unknown>
  if (own) return { what: `${own.noun}「${String(data[own.nameField] ?? '')}」`, register: own.key }
  if (parent) {
    const child = parent.children.find((c) => c.table === table)
    return {
      what: `${child?.label ?? ''}「${String(data[child?.titleField ?? ''] ?? '')}」`,
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
      const d = describe(r.table_name, r.after_json, r.before_json)
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
