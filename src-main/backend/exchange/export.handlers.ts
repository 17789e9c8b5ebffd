// Exports a register (current search and filters) to .xlsx, and keeps named column layouts.
import dayjs from 'dayjs'
import type { Output, ParsedInput } from '../../shared/contract'
import { nowStamp } from '../../shared/dates'
import { AppError } from '../../shared/result'
import {
  sheetColumns,
  STREET_TALENT_COLUMNS,
  type SheetColumn,
} from '../../shared/registers/columns'
import { REGISTERS, type RegisterKey } from '../../shared/registers/registers'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import { refuseUnmaskedWhenReadOnly } from '../audit/auditable'
import { committee } from '../committee/committee.handlers'
import { households } from '../households/households.handlers'
import { reportProgress } from '../jobs/progress'
import { readSettings } from '../settings/settings.repo'
import { talents } from '../talents/talents.handlers'
import { units } from '../units/units.handlers'
import { reportedMembers } from '../reported/reported.handlers'
import { deletePreset, listPresets, upsertPreset } from './exchange.repo'
import { rosterWorkbook } from './xlsx-export'

const LISTS = { talents, units, committee, households, reported_members: reportedMembers }

const ROSTER_TITLE: Record<RegisterKey, string> = {
  talents: '治理人才库花名册',
  units: '共建成员单位名册',
  committee: '兼职委员名册',
  households: '党员中心户名册',
  reported_members: '在职党员报到名册',
}

export function defaultColumns(key: RegisterKey): string[] {
  if (key === 'talents') return [...STREET_TALENT_COLUMNS]
  return sheetColumns(key).map((c) => c.key)
}

export function pickColumns(key: RegisterKey, keys: string[]): SheetColumn[] {
  const all = sheetColumns(key)
  const unknown = keys.filter((k) => !all.some((c) => c.key === k))
  if (unknown.length) throw new AppError('VALIDATION', `导出列不存在：${unknown.join('、')}`)
  return keys.map((k) => all.find((c) => c.key === k) as SheetColumn)
}

/** {所属街道}{社区名称}社区…: without doubling 社区 when the name already ends with it. */
export function rosterTitle(ctx: AppContext, key: RegisterKey): { title: string; orgName: string } {
  const s = readSettings(ctx.db)
  const community = s?.community_name ?? ''
  const place = `${s?.street_name ?? ''}${community}${community.endsWith('社区') ? '' : '社区'}`
  return { title: `${place}${ROSTER_TITLE[key]}`, orgName: s?.party_org_name ?? '' }
}

export function exchangeColumns(
  input: ParsedInput<'exchange:columns'>,
): Output<'exchange:columns'> {
  return {
    columns: sheetColumns(input.register).map((c) => ({ key: c.key, label: c.label })),
    defaults: defaultColumns(input.register),
  }
}

export async function exchangeExport(
  input: ParsedInput<'exchange:export'>,
  ctx: AppContext,
): Promise<Output<'exchange:export'>> {
  const key = input.register
  if (!input.masked) refuseUnmaskedWhenReadOnly(ctx, '导出未脱敏的 Excel')
  const columns = pickColumns(key, input.columns)
  reportProgress(input.jobId, '读取记录')
  const rows = LISTS[key].all(
    {
      page: 1,
      pageSize: 100,
      search: input.search,
      filters: input.filters,
      sort: null,
      trash: false,
    },
    ctx,
  )
  if (!readSettings(ctx.db)) {
    throw new AppError(
      'VALIDATION',
      '请先在「社区信息」中填写社区名称、所属街道和社区党组织名称，导出的表头要用到它们',
    )
  }
  const { title, orgName } = rosterTitle(ctx, key)
  const date = new Date()
  reportProgress(input.jobId, '生成 Excel 文件', 0, rows.length)
  const buf = await rosterWorkbook({
    title,
    orgName,
    date,
    sheetName: REGISTERS[key].label,
    columns,
    rows,
    masked: input.masked,
  })
  // Every export is recorded; an unmasked one is the explicit choice DOMAIN.md asks to audit.
  writeAudit(ctx.db, {
    operator: ctx.operator(),
    table: REGISTERS[key].table,
    rowId: 0,
    action: 'export',
    after: {
      count: rows.length,
      masked: input.masked,
      columns: input.columns,
      search: input.search,
      filters: input.filters,
    },
  })
  reportProgress(input.jobId, '完成', rows.length, rows.length)
  return {
    fileName: `${title}${input.masked ? '' : '（未脱敏）'}-${dayjs(date).format('YYYYMMDD-HHmm')}.xlsx`,
    base64: buf.toString('base64'),
    count: rows.length,
  }
}

export function exchangePresets(
  input: ParsedInput<'exchange:presets'>,
  ctx: AppContext,
): Output<'exchange:presets'> {
  return listPresets(ctx.db, input.register)
}

export function exchangePresetSave(
  input: ParsedInput<'exchange:preset-save'>,
  ctx: AppContext,
): Output<'exchange:preset-save'> {
  pickColumns(input.register, input.columns)
  const id = upsertPreset(ctx.db, input.register, input.name, input.columns, nowStamp())
  const saved = listPresets(ctx.db, input.register).find((p) => p.id === id)
  if (!saved) throw new AppError('INTERNAL', '导出方案保存失败，请重试')
  return saved
}

export function exchangePresetDelete(
  input: ParsedInput<'exchange:preset-delete'>,
  ctx: AppContext,
): Output<'exchange:preset-delete'> {
  if (!deletePreset(ctx.db, input.id, nowStamp()))
    throw new AppError('NOT_FOUND', '该导出方案不存在或已删除')
  return { id: input.id }
}
