// forms:inspect / forms:fill / forms:mapping-save / forms:mapping-forget: a street form staged
// by upload is read, its columns mapped (saved mapping first, then labels and synonyms), and a
// filled copy handed back like every export: masked by default, every fill in the audit log.
import { readFileSync, statSync } from 'node:fs'
import type { Output, ParsedInput } from '../../../shared/contract'
import { chineseDate, nowStamp } from '../../../shared/dates'
import { MAX_SHEET_BYTES, sheetTooBig } from '../../../shared/limits'
import {
  FORM_REGISTER_KEYS,
  type FormRegisterKey as RegisterKey,
} from '../../../shared/registers/register-keys'
import { REGISTERS } from '../../../shared/registers/registers'
import { AppError } from '../../../shared/result'
import type { AppContext } from '../../app/context'
import { writeAudit } from '../../audit/audit.repo'
import { refuseUnmaskedWhenReadOnly } from '../../audit/auditable'
import { committee } from '../../committee/committee.handlers'
import { households } from '../../households/households.handlers'
import { matters } from '../../matters/matters.handlers'
import { uploadedFile } from '../../safety/staging'
import { readSettings } from '../../settings/settings.repo'
import { talents } from '../../talents/talents.handlers'
import { units } from '../../units/units.handlers'
import { reportedMembers } from '../../reported/reported.handlers'
import { poolRecords } from '../../street/street-pool-records'
import { STREET_ROW_FIELDS } from '../../../shared/registers/street.fields'
import { COMPUTED, matchLabel } from './form-labels'
import { isTarget, proposeMapping, targetChoices, type ProposedColumn } from './form-mapping'
import { loadForm, type LoadedForm } from './form-reader'
import { previewText, recordValues, type ValueContext } from './form-values'
import { writeForm } from './form-writer'
import { forgetMapping, saveMapping, savedMapping } from './forms.repo'

const LISTS = { talents, units, committee, households, reported_members: reportedMembers, matters }
type FileInput = ParsedInput<'forms:inspect'>

/** Mappings of the street's own forms are kept apart from the community's talents forms. */
const mappingKey = (input: { register: RegisterKey; pool?: 'street' }) =>
  input.pool === 'street' ? 'street' : input.register

/** The merged pool keeps 所属网格 as text (`grid`), the register as a reference (`grid_id`). */
function targetsOf(input: FileInput, columns: ProposedColumn[]): string[] {
  const street = input.pool === 'street'
  return columns.map((c) => (street && c.target === 'grid_id' ? 'grid' : c.target))
}

async function open(input: FileInput, ctx: AppContext): Promise<LoadedForm> {
  const path = uploadedFile(ctx, input.uploadId)
  const size = statSync(path).size
  if (size > MAX_SHEET_BYTES) throw new AppError('VALIDATION', sheetTooBig(size))
  if (input.pool === 'street' && input.register !== 'talents')
    throw new AppError('VALIDATION', '合并人才库只能填写人才类的表格，请选择社区能人的表格')
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
  const other = FORM_REGISTER_KEYS.filter((k) => k !== key).sort((a, b) => fits(b) - fits(a))[0]
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
  pool?: 'street',
): { columns: ProposedColumn[]; saved: boolean } {
  const saved = savedMapping(ctx.db, mappingKey({ register: key, pool }), form.layout.signature)
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

function records(input: FileInput, ctx: AppContext): Record<string, unknown>[] {
  if (input.pool === 'street') {
    const rows = poolRecords(ctx.db, input)
    if (rows.length === 0 && !input.search && Object.keys(input.filters).length === 0)
      throw new AppError('VALIDATION', '合并人才库里还没有人员。请先导入各社区报送的文件')
    return rows
  }
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
  const street = input.pool === 'street'
  // The merged pool names each row's own 社区; only the street's name comes from 社区信息.
  const missing =
    (needs('calc:community') && !street && !s?.community_name) ||
    (needs('calc:street') && !s?.street_name)
  if (strict && missing)
    throw new AppError(
      'VALIDATION',
      `表中的「${COMPUTED['calc:community'].names[0]}」「${COMPUTED['calc:street'].names[0]}」取自社区信息：请先在「社区信息」中填写社区名称和所属街道`,
    )
  return {
    fields: street ? STREET_ROW_FIELDS : REGISTERS[input.register].fields,
    community: s?.community_name ?? '',
    rowCommunity: street,
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
  const { columns, saved } = mappingFor(input.register, form, ctx, input.mapping, input.pool)
  const rows = records(input, ctx)
  const vctx = valueContext(input, form, columns, ctx, false)
  const targets = targetsOf(input, columns)
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
  const { columns } = mappingFor(key, form, ctx, input.mapping, input.pool)
  const open_ = columns.filter((c) => c.target === '')
  if (open_.length)
    throw new AppError(
      'VALIDATION',
      `这些列还不知道填什么：${open_.map((c) => `${c.letter} 列「${c.label}」`).join('、')}。请为每列选择对应的字段，不需要填的选「留空」`,
    )
  const rows = records(input, ctx)
  const vctx = valueContext(input, form, columns, ctx, true)
  const targets = targetsOf(input, columns)
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
      mappingKey(input),
      form.layout.signature,
      columns.map((c) => c.label),
      Object.fromEntries(columns.map((c) => [c.letter, c.target])),
      nowStamp(),
    )
  writeAudit(ctx.db, {
    operator: ctx.operator(),
    table: input.pool === 'street' ? 'street_rows' : REGISTERS[key].table,
    rowId: 0,
    action: 'export',
    after: {
      form: input.fileName,
      count: rows.length,
      masked: input.masked,
      search: input.search,
      filters: input.filters,
      ...(input.pool ? { pool: input.pool } : {}),
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
  saveMapping(ctx.db, mappingKey(input), input.signature, input.labels, input.mapping, nowStamp())
  return { signature: input.signature }
}

export function formsMappingForget(
  input: ParsedInput<'forms:mapping-forget'>,
  ctx: AppContext,
): Output<'forms:mapping-forget'> {
  return { forgotten: forgetMapping(ctx.db, mappingKey(input), input.signature) }
}
