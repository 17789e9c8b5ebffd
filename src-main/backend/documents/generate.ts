// Makes one document: the kind's data from the registers, the chosen template, a file name
// like "2026-11-22 第3次党建联席会议纪要.docx" in the chosen folder (never overwriting), and a
// row in the list of generated documents. Unmasked personal data is written to the audit log.
import dayjs from 'dayjs'
import { existsSync } from 'node:fs'
import { basename, dirname, extname } from 'node:path'
import type { z } from 'zod'
import { nowStamp } from '../../shared/dates'
import { KINDS, type DocKind } from '../../shared/documents/doc-kinds'
import { AppError } from '../../shared/result'
import { REGISTERS } from '../../shared/registers/registers'
import type { Generated, GenerateInput } from '../../shared/schemas/documents.schema'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import { commonData } from './common-data'
import { mayOpen, sealPath } from './document-seal'
import { refuseUnmaskedWhenReadOnly } from '../audit/auditable'
import { insertGenerated, type GeneratedRow } from './documents.repo'
import { rememberUnsaved } from './unsaved-documents'
import { meetingData, meetingSubject } from './meeting-data'
import { outputFolder, writeUnique } from './output-files'
import { rosterData, talentCardData } from './register-data'
import { renderDocx, type DocData } from './render-docx'
import { fitRosterColumns } from './roster-fit'
import { periodRange, reportData } from './report-data'
import { BUILTIN, defaultTemplateId, readTemplate } from './template-store'

export type GenerateRequest = z.output<typeof GenerateInput>

const MEETING_SUFFIX: Partial<Record<DocKind, string>> = {
  notice: '通知',
  'sign-in': '签到表',
  minutes: '纪要',
  tasks: '议定事项任务分解表',
}

interface Made {
  data: DocData
  /** File name without date and extension. */
  name: string
  date: string
  subject: string
  subjectId: number | null
  personal: { table: string; count: number } | null
}

function need<T>(v: T | undefined | null, message: string): T {
  if (v === undefined || v === null) throw new AppError('VALIDATION', message)
  return v
}

function makeData(ctx: AppContext, req: GenerateRequest, now: Date): Made {
  const spec = KINDS[req.kind]
  const today = dayjs(now).format('YYYY-MM-DD')
  if (spec.subject === 'meeting') {
    const id = need(req.meetingId, '请选择会议')
    const s = meetingSubject(ctx, id)
    return {
      data: meetingData(ctx, id),
      name: `${s.name}${MEETING_SUFFIX[req.kind] ?? ''}`,
      date: s.date,
      subject: s.name,
      subjectId: id,
      personal: null,
    }
  }
  if (spec.subject === 'register') {
    const key = need(spec.register, '名册类型不正确')
    const filter = { search: req.register?.search ?? '', filters: req.register?.filters ?? {} }
    const { data, count } = rosterData(ctx, key, filter, req.masked)
    const filtered = filter.search !== '' || Object.values(filter.filters).some((v) => v !== '')
    return {
      data,
      name: `${spec.label}${filtered ? '（筛选）' : ''}`,
      date: today,
      subject: `${REGISTERS[key].label} ${count} 条${String(data.filter_note ?? '')}`,
      subjectId: null,
      personal: { table: REGISTERS[key].table, count },
    }
  }
  if (spec.subject === 'talent') {
    const id = need(req.talentId, '请选择社区能人')
    const data = talentCardData(ctx, id, req.masked)
    return {
      data,
      name: `${spec.label}（${String(data.name)}）`,
      date: today,
      subject: String(data.name),
      subjectId: id,
      personal: { table: REGISTERS.talents.table, count: 1 },
    }
  }
  const year = need(req.year, '请选择报告年度')
  const { label } = periodRange({ year, quarter: req.quarter })
  return {
    data: reportData(ctx, { year, quarter: req.quarter }, today),
    name: `${label}工作报告`,
    date: today,
    subject: label,
    subjectId: null,
    personal: null,
  }
}

export interface GenerateOptions {
  now?: Date
}

/** The list entry; a path this installation would not open is never touched (not even stat). */
export function toGenerated(ctx: AppContext, row: GeneratedRow): z.output<typeof Generated> {
  const openable = mayOpen(ctx.paths, row.path, row.seal)
  return {
    id: row.id,
    kind: row.kind as DocKind,
    kindLabel: KINDS[row.kind as DocKind]?.label ?? row.kind,
    subject: row.subject,
    fileName: basename(row.path),
    path: row.path,
    folder: row.folder,
    masked: row.masked === 1,
    createdAt: row.created_at,
    exists: openable && existsSync(row.path),
    foreign: !openable,
  }
}

export async function generateDocument(
  ctx: AppContext,
  req: GenerateRequest,
  opts: GenerateOptions = {},
): Promise<z.output<typeof Generated>> {
  const now = opts.now ?? new Date()
  const made = makeData(ctx, req, now)
  if (made.personal && !req.masked) refuseUnmaskedWhenReadOnly(ctx, '生成未脱敏的文档')
  const given = req.templateFile
  const templateId = given ? given.fileName : req.template || defaultTemplateId(ctx, req.kind)
  const chosen = given
    ? Buffer.from(given.base64, 'base64')
    : readTemplate(ctx, req.kind, templateId)
  const rows = made.data.rows
  const template =
    KINDS[req.kind].subject === 'register' && Array.isArray(rows)
      ? fitRosterColumns(chosen, rows)
      : chosen
  const what = templateId === BUILTIN ? '内置模板' : `模板「${templateId}」`
  const data = { ...commonData(ctx, now), ...made.data, doc_number: req.docNumber ?? '' }
  const buf = await renderDocx(template, req.kind, data, what)
  const suffix = made.personal && !req.masked ? '（未脱敏）' : ''
  const folder = outputFolder(req.folder, ctx.paths.documents)
  // A name given (the CLI's --out) is still never overwritten: （2） is added.
  const ext = req.fileName ? extname(req.fileName) || '.docx' : '.docx'
  const name = req.fileName ? basename(req.fileName, ext) : `${made.date} ${made.name}${suffix}`
  const path = writeUnique(folder, name, ext, buf)
  const row: Omit<GeneratedRow, 'id'> = {
    kind: req.kind,
    subject: made.subject,
    subject_id: made.subjectId,
    template: templateId,
    masked: made.personal && !req.masked ? 0 : 1,
    path,
    folder: dirname(path),
    operator: ctx.operator(),
    created_at: nowStamp(now),
    seal: sealPath(ctx.paths, path),
  }
  if (ctx.safety.mode === 'read-only')
    return toGenerated(ctx, { id: rememberUnsaved(ctx, row), ...row })
  const id = ctx.db.transaction(() => {
    const newId = insertGenerated(ctx.db, row)
    if (made.personal && !req.masked) {
      writeAudit(ctx.db, {
        operator: ctx.operator(),
        table: made.personal.table,
        rowId: made.subjectId ?? 0,
        action: 'export',
        after: { document: KINDS[req.kind].label, count: made.personal.count, masked: false },
      })
    }
    return newId
  })()
  return toGenerated(ctx, { id, ...row })
}
