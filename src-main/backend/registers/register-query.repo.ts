// The SQL of a register list query: the WHERE of its search and filters and its ORDER BY,
// built from the register's spec and rules (the list itself runs in register.repo.ts).
import type { z } from 'zod'
import { AppError } from '../../shared/result'
import type { AnyRegisterKey, ChildKey, RegisterSpec } from '../../shared/registers/registers'
import type { ListQuery } from '../../shared/schemas/registers.schema'
import { SORT_KEY_SOURCES } from '../db/migration-steps'
import { planSearch } from '../search/search-tokens'
import type { Where } from './register.repo'

/** A condition on the list's rows (the register table is aliased t). */
export interface Condition {
  sql: string
  params: unknown[]
}

/** What of a register's rules the list query needs. */
export interface ListRules {
  spec: RegisterSpec
  /** SQL text of the searchable columns, to confirm long CJK queries as real substrings. */
  verifySql: string
  /** Filters that are not plain fields (e.g. 任期 expiring). */
  extraFilters?: Record<string, (value: string | number) => Condition>
  /** The order a filter implies when no column is sorted (任期提醒 → by 任期止, soonest first). */
  filterOrder?: Record<string, string>
}

type Query = z.output<typeof ListQuery>

/** Each register's list order when no column is sorted and no filter implies one. */
const DEFAULT_ORDER: Record<AnyRegisterKey, string> = {
  talents: 't.id DESC',
  units: 't.id DESC',
  committee: 't.id DESC',
  households: 't.id DESC',
  meetings: 't.meeting_date DESC, t.id DESC',
  reported_members: 't.id DESC',
  matters: 't.reported_on DESC, t.id DESC',
}

/** Each child list's order (the child table is aliased t). */
export const CHILD_ORDER: Record<ChildKey, string> = {
  talent_services: 't.service_date DESC, t.id DESC',
  unit_list_items: "CASE t.list_type WHEN '资源' THEN 1 WHEN '需求' THEN 2 ELSE 3 END, t.id DESC",
  committee_reviews: 't.year DESC, t.id DESC',
  household_links: 't.id',
  household_visits: 't.visit_date DESC, t.id DESC',
  meeting_attendees: 't.sort_order, t.id',
  meeting_topics: 't.sort_order, t.id',
  meeting_resolutions: 't.sort_order, t.id',
  reported_services: 't.service_date DESC, t.id DESC',
}

/** Exports without a chosen column: in order of registration. */
export const REGISTRATION_ORDER = 't.id ASC'

export function buildWhere(rules: ListRules, q: Query): Where {
  const { spec } = rules
  const where: Where = {
    sql: [q.trash ? 't.deleted_at IS NOT NULL' : 't.deleted_at IS NULL'],
    params: [],
  }
  for (const [key, value] of Object.entries(q.filters)) {
    if (value === '') continue
    const extra = rules.extraFilters?.[key]
    const field = spec.fields.find((f) => f.key === key && f.filter)
    if (extra) {
      const c = extra(value)
      where.sql.push(c.sql)
      where.params.push(...c.params)
    } else if (field?.kind === 'multi') {
      where.sql.push(
        't.id IN (SELECT row_id FROM register_values WHERE table_name = ? AND field = ? AND value = ?)',
      )
      where.params.push(spec.table, key, value)
    } else if (field) {
      where.sql.push(`t.${key} = ?`)
      where.params.push(value)
    } else {
      throw new AppError('VALIDATION', `不能按「${key}」筛选`)
    }
  }
  if (q.search) {
    const plan = planSearch(q.search)
    if (!plan.match) {
      where.sql.push('0')
    } else {
      where.sql.push(
        `t.id IN (SELECT rowid FROM ${spec.table}_fts WHERE ${spec.table}_fts MATCH ?)`,
      )
      where.params.push(plan.match)
      for (const run of plan.verify) {
        where.sql.push(`instr(lower(${rules.verifySql}), ?) > 0`)
        where.params.push(run)
      }
    }
  }
  return where
}

/** The register's pinyin sort key for its name field, when it has one (not 会议). */
export function sortSource(spec: RegisterSpec) {
  return SORT_KEY_SOURCES.find((s) => s.table === spec.table && s.column === spec.nameField)
}

export function orderBy(rules: ListRules, q: Query): string {
  if (!q.sort && q.trash) return 't.deleted_at DESC'
  if (!q.sort) {
    const implied = Object.keys(q.filters).find((k) => rules.filterOrder?.[k])
    return implied ? (rules.filterOrder?.[implied] ?? '') : DEFAULT_ORDER[rules.spec.key]
  }
  const field = rules.spec.fields.find((f) => f.key === q.sort?.field && f.sortable)
  if (!field) throw new AppError('VALIDATION', `不能按「${q.sort.field}」排序`)
  // Names sort in pinyin order (as in Excel/WPS) through their indexed key; never empty.
  if (field.key === rules.spec.nameField && sortSource(rules.spec)) {
    const dir = q.sort.order === 'asc' ? 'ASC' : 'DESC'
    return `t.sort_key ${dir}, t.id ${dir}`
  }
  // Empty values sort last either way; id keeps the order stable between pages.
  return `t.${field.key} = '' OR t.${field.key} IS NULL, t.${field.key} ${q.sort.order === 'asc' ? 'ASC' : 'DESC'}, t.id DESC`
}
