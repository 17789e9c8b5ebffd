// The data of the rosters (a register's current search and filters) and of the 社区能人登记表.
// Phones and ID numbers are masked unless the caller chose otherwise (and audits it).
import { fieldTag } from '../../shared/documents/register-tags'
import { AppError } from '../../shared/result'
import type { FieldDef } from '../../shared/registers/field-def'
import { displayText } from '../../shared/registers/display'
import { maskRecord } from '../../shared/registers/mask-record'
import { REGISTERS, type RegisterKey, type RegisterSpec } from '../../shared/registers/registers'
import type { AppContext } from '../app/context'
import { committee } from '../committee/committee.handlers'
import { rosterTitle } from '../exchange/export.handlers'
import { households } from '../households/households.handlers'
import { talents } from '../talents/talents.handlers'
import { units } from '../units/units.handlers'
import { reportedMembers } from '../reported/reported.handlers'
import { nameOf } from '../registers/register.repo'
import { recentServices } from './documents.repo'
import { dotDate } from './meeting-data'
import type { DocData } from './render-docx'

const LISTS = { talents, units, committee, households, reported_members: reportedMembers }

type Row = Record<string, unknown>

export interface RosterFilter {
  search: string
  filters: Record<string, string | number>
}

function fieldText(f: FieldDef, row: Row): string {
  const text = displayText(f, row)
  if (!text) return ''
  if (f.kind === 'date' || f.kind === 'month') return dotDate(text)
  if (typeof row[f.key] === 'number' && f.kind === 'decimal') return String(row[f.key])
  return text
}

const room = (v: unknown) => (v && /^\d+$/.test(String(v)) ? `${String(v)}室` : String(v ?? ''))

function extras(key: RegisterKey, row: Row): DocData {
  const address = `${String(row.estate ?? '')}${String(row.building ?? '')}${String(row.unit_no ?? '')}${room(row.room)}`
  if (key === 'talents') return { address, service_count: String(row.service_count ?? 0) }
  if (key === 'units') return { committee_count: String(row.committee_count ?? 0) }
  if (key === 'committee') {
    const term = [row.term_start, row.term_end].map((v) => dotDate(String(v ?? '').slice(0, 7)))
    return {
      term: term[0] || term[1] ? `${term[0]}—${term[1]}` : '',
      duty: [row.duty_domain, row.duty_grid_name].filter((v) => v).join('\n'),
    }
  }
  if (key === 'reported_members')
    return {
      address: `${String(row.estate ?? '')}${String(row.building ?? '')}`,
      service_count: String(row.service_count ?? 0),
      service_hours: String(row.service_hours ?? 0),
    }
  return {
    address,
    link_count: String(row.link_count ?? 0),
    visit_count: String(row.visit_count ?? 0),
  }
}

export function rowData(key: RegisterKey, row: Row, masked: boolean): DocData {
  const spec: RegisterSpec = REGISTERS[key]
  const out: DocData = {}
  const shown = masked ? maskRecord(spec.fields, row) : row
  for (const f of spec.fields) out[fieldTag(f)] = fieldText(f, shown)
  return { ...out, ...extras(key, row) }
}

function filterNote(ctx: AppContext, key: RegisterKey, f: RosterFilter): string {
  const spec: RegisterSpec = REGISTERS[key]
  const parts: string[] = []
  for (const [k, v] of Object.entries(f.filters)) {
    if (v === '') continue
    const field = spec.fields.find((x) => x.key === k)
    if (field?.kind === 'grid') {
      parts.push(nameOf(ctx.db, 'grids', 'name', Number(v)) || String(v))
    } else parts.push(field ? `${field.label}：${String(v)}` : String(v))
  }
  if (f.search) parts.push(`搜索“${f.search}”`)
  return parts.length ? `（筛选：${parts.join('；')}）` : ''
}

export function rosterData(
  ctx: AppContext,
  key: RegisterKey,
  filter: RosterFilter,
  masked: boolean,
): { data: DocData; count: number } {
  const rows = LISTS[key].all(
    {
      page: 1,
      pageSize: 100,
      search: filter.search,
      filters: filter.filters,
      sort: null,
      trash: false,
    },
    ctx,
  )
  const { title } = rosterTitle(ctx, key)
  return {
    count: rows.length,
    data: {
      roster_title: title,
      count: String(rows.length),
      filter_note: filterNote(ctx, key, filter),
      masked,
      rows: rows.map((r, i) => ({ index: String(i + 1), ...rowData(key, r, masked) })),
    },
  }
}

export function talentCardData(ctx: AppContext, id: number, masked: boolean): DocData {
  let row: Row
  try {
    row = talents.get({ id }, ctx)
  } catch {
    throw new AppError('NOT_FOUND', '社区能人不存在或已删除，请刷新后重试')
  }
  if (row.deleted_at) throw new AppError('NOT_FOUND', '这位社区能人在回收站中，请先恢复')
  const services = recentServices(ctx.db, id, 6)
  return {
    ...rowData('talents', row, masked),
    masked,
    recent_services: services.map((s) => ({
      service_date: dotDate(s.service_date),
      item: s.item,
      category: s.category,
      hours: s.hours === null ? '' : String(s.hours),
      beneficiaries: s.beneficiaries,
    })),
  }
}
