// 民情事项 to Excel (`lianjian export matters`, 导出): the register's columns plus its state,
// deadline and outcome, filtered like the list, phones masked unless asked otherwise.
import dayjs from 'dayjs'
import type { Output, ParsedInput } from '../../shared/contract'
import type { SheetColumn } from '../../shared/registers/columns'
import type { FieldDef } from '../../shared/registers/field-def'
import { personalKind } from '../../shared/registers/mask-record'
import { REGISTERS } from '../../shared/registers/registers'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import { refuseUnmaskedWhenReadOnly } from '../audit/auditable'
import { rosterWorkbook } from '../exchange/xlsx-export'
import { reportProgress } from '../jobs/progress'
import { readSettings } from '../settings/settings.repo'
import { matters, withOverdue } from './matters.handlers'
import { today } from './matters.repo'

const text = (key: string, label: string): FieldDef => ({ key, label, kind: 'text' })
const OUTCOME: FieldDef[] = [
  text('due_on', '办理期限'),
  text('overdue_text', '是否逾期'),
  text('responder_names', '接单方'),
  text('result', '办理结果'),
  text('closed_on', '结项日期'),
  text('rating', '评价'),
]

function column(f: FieldDef): SheetColumn {
  const wide = f.kind === 'textarea' || f.key === 'responder_names' || f.key === 'result'
  return { key: f.key, label: f.label, field: f, personal: personalKind(f), width: wide ? 30 : 12 }
}

export async function mattersExport(
  input: ParsedInput<'matters:export'>,
  ctx: AppContext,
): Promise<Output<'matters:export'>> {
  if (!input.masked) refuseUnmaskedWhenReadOnly(ctx, '导出未脱敏的 Excel')
  reportProgress(input.jobId, '读取记录')
  const filters: Record<string, string> = {}
  if (input.status) filters.status = input.status
  if (input.overdue) filters.overdue = '1'
  const day = today()
  const rows = matters
    .all({ page: 1, pageSize: 100, search: input.search, filters, sort: null, trash: false }, ctx)
    .map((r) => {
      const row = withOverdue(r as Output<'matters:get'>, day)
      return { ...row, overdue_text: row.overdue ? '逾期' : '' }
    })
  const columns = [...REGISTERS.matters.fields, ...OUTCOME].map(column)
  const s = readSettings(ctx.db)
  const community = s?.community_name ?? ''
  const place = `${s?.street_name ?? ''}${community}${community && !community.endsWith('社区') ? '社区' : ''}`
  const title = `${place}民情事项办理台账`
  const orgName = s?.party_org_name ?? ''
  const date = new Date()
  reportProgress(input.jobId, '生成 Excel 文件', 0, rows.length)
  const buf = await rosterWorkbook({
    title,
    orgName,
    date,
    sheetName: REGISTERS.matters.label,
    columns,
    rows,
    masked: input.masked,
  })
  writeAudit(ctx.db, {
    operator: ctx.operator(),
    table: 'matters',
    rowId: 0,
    action: 'export',
    after: { count: rows.length, masked: input.masked, filters, search: input.search },
  })
  return {
    fileName: `${title}${input.masked ? '' : '（未脱敏）'}-${dayjs(date).format('YYYYMMDD-HHmm')}.xlsx`,
    base64: buf.toString('base64'),
    count: rows.length,
  }
}
