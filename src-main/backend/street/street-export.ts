// `street:export`: the merged pool as one .xlsx in the district's layout: the street's roster
// columns with a 社区 column first. Masked by default; an unmasked file is audited.
import dayjs from 'dayjs'
import type { Output, ParsedInput } from '../../shared/contract'
import type { SheetColumn } from '../../shared/registers/columns'
import { personalKind } from '../../shared/registers/mask-record'
import {
  STREET_COMMUNITY_FIELD,
  STREET_EXPORT_KEYS,
  STREET_ROW_FIELDS,
} from '../../shared/registers/street.fields'
import { AppError } from '../../shared/result'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import { refuseUnmaskedWhenReadOnly } from '../audit/auditable'
import { rosterWorkbook } from '../exchange/xlsx-export'
import { reportProgress } from '../jobs/progress'
import { readSettings } from '../settings/settings.repo'
import { currentRows } from './street.repo'

const LIST_KINDS = new Set(['multi', 'tags'])

function columns(): SheetColumn[] {
  return STREET_EXPORT_KEYS.map((k) => {
    const field =
      k === 'community' ? STREET_COMMUNITY_FIELD : STREET_ROW_FIELDS.find((f) => f.key === k)
    if (!field) throw new AppError('INTERNAL', `street export column ${k}`)
    const width =
      k === 'community' ? 14 : personalKind(field) ? 15 : LIST_KINDS.has(field.kind) ? 24 : 12
    return { key: k, label: field.label, field, personal: personalKind(field), width }
  })
}

export async function streetExport(
  input: ParsedInput<'street:export'>,
  ctx: AppContext,
): Promise<Output<'street:export'>> {
  if (!input.masked) refuseUnmaskedWhenReadOnly(ctx, '导出未脱敏的合并人才库')
  reportProgress(input.jobId, '读取记录')
  const rows = currentRows(ctx.db).map((r) => {
    const out: Record<string, unknown> = { ...r }
    for (const f of STREET_ROW_FIELDS)
      if (LIST_KINDS.has(f.kind)) out[f.key] = JSON.parse(r[f.key] || '[]') as unknown
    return out
  })
  if (rows.length === 0)
    throw new AppError('VALIDATION', '合并人才库里还没有人员。请先导入各社区报送的文件')
  const s = readSettings(ctx.db)
  const street = s?.street_name ?? ''
  const title = `${street}社区治理人才库合并花名册`
  const date = new Date()
  reportProgress(input.jobId, '生成 Excel 文件', 0, rows.length)
  const buf = await rosterWorkbook({
    title,
    orgName: street || s?.party_org_name || '',
    date,
    sheetName: '合并人才库',
    columns: columns(),
    rows,
    masked: input.masked,
  })
  writeAudit(ctx.db, {
    operator: ctx.operator(),
    table: 'street_rows',
    rowId: 0,
    action: 'export',
    after: { count: rows.length, masked: input.masked },
  })
  reportProgress(input.jobId, '完成', rows.length, rows.length)
  return {
    fileName: `${title}${input.masked ? '' : '（未脱敏）'}-${dayjs(date).format('YYYYMMDD-HHmm')}.xlsx`,
    base64: buf.toString('base64'),
    count: rows.length,
  }
}
