// forms:inspect / forms:fill / forms:mapping-save / forms:mapping-forget: a street form staged
// by upload is read, its columns mapped (saved mapping first, then labels and synonyms), and a
// filled copy handed back like every export: masked by default, every fill in the audit log.
import { readFileSync, statSync } from 'node:fs'
import type { Output, ParsedInput } from '../../../shared/contract'
import { chineseDate, nowStamp } from '../../../shared/dates'
import { MAX_SHEET_BYTES, sheetTooBig } from '../../../shared/limits'
import { SHEET_REGISTER_KEYS } from '../../../shared/registers/register-keys'
import { REGISTERS, type RegisterKey } from '../../../shared/registers/registers'
import { AppError } from '../../../shared/result'
import type { AppContext } from '../../app/context'
import { writeAudit } from '../../audit/audit.repo'
import { refuseUnmaskedWhenReadOnly } from '../../audit/auditable'
import { committee } from '../../committee/committee.handlers'
import { households } from '../../households/households.handlers'
import { uploadedFile } from '../../safety/staging'
import { readSettings } from '../../settings/settings.repo'
import { talents } from '../../talents/talents.handlers'
import { units } from '../../units/units.handlers'
import { reportedMembers } from '../../reported/reported.handlers'
import { COMPUTED, matchLabel } from './form-labels'
import { isTarget, proposeMapping, targetChoices, type ProposedColumn } from './form-mapping'
import { loadForm, type LoadedForm } from './form-reader'
import { previewText, recordValues, type ValueContext } from './form-values'
import { writeForm } from './form-writer'
import { forgetMapping, saveMapping, savedMapping } from './forms.repo'

const LISTS = { talents, units, committee, households, reported_members: reportedMembers }
type FileInput = ParsedInput<'forms:inspect'>

async function open(input: FileInput, ctx: AppContext): Promise<LoadedForm> {
  const path = uploadedFile(ctx, input.uploadId)
  const size = statSync(path).size
  if (size > MAX_SHEET_BYTES) throw new AppError('VALIDATION', sheetTooBig(size))
  const form = await loadForm(input.fileName, readFileSync(path))
  refuseOtherRegister(input.register, form)
  return form
}

/** A units form dropped on 社区能人 (or the like): say where it belongs instead of guessing. */
function refuseOtherRegister(key: RegisterKey, form: LoadedForm): void {
  const fits = (k: RegisterKey) =>
    form.layout.columns.filter(
      (c) => matchLabel(k, c.leaf)?.confidence !== 'computed' && matchLabel(k, c.leaf),
    ).length
  const own = fits(key)
  if (own >= 2) return
  const other = SHEET_REGISTER_KEYS.filter((k) => k !== key).sort((a, b) => fits(b) - fits(a))[0]
  if (other && fits(other) > own)
    throw new AppError(
      'VALIDATION',
      `这份表格的列（${form.layout.columns.map((c) => c.label).join('、')}）像是${REGISTERS[other].label}的表格。请到「${REGISTERS[other].label}」页面的「Excel 导入导出」菜单中选择「填报上级表格」`,
    )
}

/** The proposal, with the caller's corrections (column letter → target) on top. */
function mappingFor(
  key: RegisterKey,
  form: LoadedForm,
  ctx: AppContext,
  override: Record<string, string> | undefined,
): { columns: ProposedColumn[]; saved: boolean } {
  const saved = savedMapping(ctx.db, key, form.layout.signature)
  const columns = proposeMapping(key, form.layout.columns, saved)
  if (override) {
    for (const c of columns) {
      const t = override[c.letter]
      if (t === undefined) continue
      if (t !== '' && !isTarget(key, t))
        throw new AppError(
          'VALIDATION',
          `「${c.label}」列对应的「${t}」不是${REGISTERS[key].label}的字段`,
        )
      c.target = t
      c.confidence = 'saved'
    }
  }
  return { columns, saved: saved !== null }
}

function records(input: FileInput, ctx: AppContext) {
  return LISTS[input.register].all(
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
}

function valueContext(
  input: FileInput,
  form: LoadedForm,
  columns: ProposedColumn[],
  ctx: AppContext,
  strict: boolean,
): ValueContext {
  const s = readSettings(ctx.db)
  const needs = (t: string) => columns.some((c) => c.target === t)
  // The preview still shows (those cells empty); filling says what to do first.
  const missing =
    (needs('calc:community') && !s?.community_name) || (needs('calc:street') && !s?.street_name)
  if (strict && missing)
    throw new AppError(
      'VALIDATION',
      `表中的「${COMPUTED['calc:community'].names[0]}」「${COMPUTED['calc:street'].names[0]}」取自社区信息：请先在「社区信息」中填写社区名称和所属街道`,
    )
  return {
    fields: REGISTERS[input.register].fields,
    community: s?.community_name ?? '',
    street: s?.street_name ?? '',
    at: form.layout.formDate ?? new Date(),
    masked: input.masked,
  }
}

export async function formsInspect(
  input: ParsedInput<'forms:inspect'>,
  ctx: AppContext,
): Promise<Output<'forms:inspect'>> {
  const form = await open(input, ctx)
  const { layout } = form
  const { columns, saved } = mappingFor(input.register, form, ctx, input.mapping)
  const rows = records(input, ctx)
  const vctx = valueContext(input, form, columns, ctx, false)
  const targets = columns.map((c) => c.target)
  return {
    sheetName: layout.sheetName,
    headerRows: { top: layout.headerTop, bottom: layout.headerBottom },
    firstDataRow: layout.firstDataRow,
    styledRows: layout.templateEnd - layout.firstDataRow + 1,
    notesRow: layout.notesStart,
    formDate: layout.formDate ? layout.formDate.toISOString().slice(0, 10) : null,
    signature: layout.signature,
    saved,
    columns: columns.map((c) => ({
      letter: c.letter,
      label: c.label,
      hidden: c.hidden,
      target: c.target,
      confidence: c.confidence,
    })),
    choices: targetChoices(input.register),
    samples: rows.slice(0, 5).map((r, i) => recordValues(r, i, targets, vctx).map(previewText)),
    count: rows.length,
  }
}

export async function formsFill(
  input: ParsedInput<'forms:fill'>,
  ctx: AppContext,
): Promise<Output<'forms:fill'>> {
  const key = input.register
  if (!input.masked) refuseUnmaskedWhenReadOnly(ctx, '填写未脱敏的上级表格')
  const form = await open(input, ctx)
  const { columns } = mappingFor(key, form, ctx, input.mapping)
  const open_ = columns.filter((c) => c.target === '')
  if (open_.length)
    throw new AppError(
      'VALIDATION',
      `这些列还不知道填什么：${open_.map((c) => `${c.letter} 列「${c.label}」`).join('、')}。请为每列选择对应的字段，不需要填的选「留空」`,
    )
  const rows = records(input, ctx)
  const vctx = valueContext(input, form, columns, ctx, true)
  const targets = columns.map((c) => c.target)
  const buf = await writeForm(form, {
    columns: columns.map((c) => ({ col: c.col, write: c.target !== 'blank' })),
    rows: rows.map((r, i) => recordValues(r, i, targets, vctx)),
    blanks: {
      org: readSettings(ctx.db)?.party_org_name ?? '',
      date: chineseDate(new Date()),
    },
  })
  if (input.mapping && input.remember && ctx.safety.mode !== 'read-only')
    saveMapping(
      ctx.db,
      key,
      form.layout.signature,
      columns.map((c) => c.label),
      Object.fromEntries(columns.map((c) => [c.letter, c.target])),
      nowStamp(),
    )
  writeAudit(ctx.db, {
    operator: ctx.operator(),
    table: REGISTERS[key].table,
    rowId: 0,
    action: 'export',
    after: {
      form: input.fileName,
      count: rows.length,
      masked: input.masked,
      search: input.search,
      filters: input.filters,
    },
  })
  const base = input.fileName.replace(/\.xlsx?m?$/i, '')
  return {
    fileName: `${base}（已填写${input.masked ? '' : '，未脱敏'}）.xlsx`,
    base64: buf.toString('base64'),
    count: rows.length,
  }
}

export function formsMappingSave(
  input: ParsedInput<'forms:mapping-save'>,
  ctx: AppContext,
): Output<'forms:mapping-save'> {
  const bad = Object.values(input.mapping).filter((t) => t !== '' && !isTarget(input.register, t))
  if (bad.length)
    throw new AppError(
      'VALIDATION',
      `不是${REGISTERS[input.register].label}的字段：${bad.join('、')}`,
    )
  saveMapping(ctx.db, input.register, input.signature, input.labels, input.mapping, nowStamp())
  return { signature: input.signature }
}

export function formsMappingForget(
  input: ParsedInput<'forms:mapping-forget'>,
  ctx: AppContext,
): Output<'forms:mapping-forget'> {
  return { forgotten: forgetMapping(ctx.db, input.register, input.signature) }
}
