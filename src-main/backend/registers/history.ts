// Turns audit rows into what the 修改记录 tab shows: who, when, which part, field: old → new.
import type Database from 'better-sqlite3'
import type { FieldDef } from '../../shared/registers/field-def'
import type { RegisterSpec } from '../../shared/registers/registers'
import type { HistoryEntry } from '../../shared/schemas/registers.schema'
import type { AuditRow } from '../audit/audit.repo'
import { nameOf } from './register.repo'

const ACTIONS: Record<string, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  purge: '彻底删除',
  export: '导出',
}

function display(db: Database.Database, f: FieldDef, v: unknown): string {
  if (v === null || v === undefined || v === '') return ''
  if (Array.isArray(v)) return v.join('、')
  if (f.kind === 'bool') return v ? '是' : '否'
  if (f.kind === 'grid') return nameOf(db, 'grids', 'name', Number(v)) || `#${String(v)}`
  if (f.kind === 'unit') return nameOf(db, 'units', 'name', Number(v)) || `#${String(v)}`
  return String(v)
}

// Ordered child lists (议题, 议定事项 …) record moves as a change of 顺序.
const ORDER: FieldDef = { key: 'sort_order', label: '顺序', kind: 'int' }

function parse(json: string | null): Record<string, unknown> {
  return json ? (JSON.parse(json) as Record<string, unknown>) : {}
}

export function describeHistory(
  db: Database.Database,
  spec: RegisterSpec,
  rows: AuditRow[],
): HistoryEntry[] {
  return rows.map((r) => {
    const child = spec.children.find((c) => c.table === r.table_name)
    const fields = child ? [...child.fields, ORDER] : spec.fields
    const before = parse(r.before_json)
    const after = parse(r.after_json)
    const titleKey = child ? child.titleField : spec.nameField
    const changes =
      r.action === 'create' || r.action === 'update'
        ? fields
            .filter((f) => f.key in after)
            .map((f) => ({
              field: f.key,
              label: f.label,
              before: r.action === 'create' ? '' : display(db, f, before[f.key]),
              after: display(db, f, after[f.key]),
            }))
            .filter((c) => c.before !== c.after)
        : []
    return {
      id: r.id,
      at: r.at,
      operator: r.operator,
      action: ACTIONS[r.action] ?? r.action,
      part: child ? child.label : '基本信息',
      title: String(
        after[titleKey] ??
          before[titleKey] ??
          // An update stores only the changed fields: name the row as it is now.
          nameOf(db, child ? child.table : spec.table, titleKey, r.row_id),
      ),
      changes,
    }
  })
}
