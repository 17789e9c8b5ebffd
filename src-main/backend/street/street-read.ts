// Reads what a community hands the street: 联建通's roster export (the street's columns or any
// layout our import understands) or a data package, into plain talent rows and the community
// it names (社区 column, the title 「…街道锦华社区社区治理人才库花名册」, or 填报单位).
import Database from 'better-sqlite3'
import type ExcelJS from 'exceljs'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { FieldDef } from '../../shared/registers/field-def'
import { STREET_ROW_FIELDS } from '../../shared/registers/street.fields'
import { AppError } from '../../shared/result'
import type { AppContext } from '../app/context'
import { EXAMPLES } from '../exchange/blank-import-sheet'
import { parseCell } from '../exchange/cell-parse'
import { matchLabel } from '../exchange/forms/form-labels'
import { readLayout, type FormLayout } from '../exchange/forms/form-reader'
import { loadExcelJS } from '../exchange/load-exceljs'
import { ignoredReason } from '../exchange/import-rows'
import { readSheetFile, type Cell, type SheetRows } from '../exchange/sheet-reader'
import { readPackage } from '../safety/package-reader'
import { stagingDir } from '../safety/staging'
import { packageTalents } from './street.repo'

export type StreetValues = Record<string, string>

export interface ReadSubmission {
  source: '花名册' | '数据包'
  community: string
  rows: StreetValues[]
}

const LIST_KINDS = new Set(['multi', 'tags'])

/** A stored row: every field as text, lists as JSON arrays (as the talents table keeps them). */
export function storedValues(raw: Record<string, unknown>): StreetValues {
  const out: StreetValues = {}
  for (const f of STREET_ROW_FIELDS) {
    const v = raw[f.key]
    if (LIST_KINDS.has(f.kind)) {
      const list = Array.isArray(v)
        ? v
        : typeof v === 'string' && v.startsWith('[')
          ? safeList(v)
          : []
      out[f.key] = JSON.stringify(list.map(String))
    } else out[f.key] = v === null || v === undefined ? '' : String(v)
  }
  return out
}

function safeList(text: string): unknown[] {
  try {
    const v: unknown = JSON.parse(text)
    return Array.isArray(v) ? v : []
  } catch {
    return []
  }
}

/** 「青云街道锦华社区社区治理人才库花名册」→ 锦华社区; 「填报单位：中共锦华社区委员会」→ 锦华社区. */
export function communityFromText(text: string): string {
  const t = text.replace(/\s+/g, '')
  const unit = /填报单位[:：](?:中共)?(.{1,20}?社区)/.exec(t)
  if (unit?.[1]) return unit[1]
  const afterStreet = t.includes('街道') ? t.slice(t.indexOf('街道') + 2) : t
  const m = /^(?:中共)?([\u4e00-\u9fa5]{1,20}?社区)/.exec(afterStreet)
  return m?.[1] ?? ''
}

function cellValue(f: FieldDef, cell: Cell): unknown {
  // 网格 is another community's: kept as its name. Masked phones / IDs stay as they came.
  if (f.key === 'grid' || /\*/.test(cell.text)) return cell.text.trim()
  const r = parseCell(f, cell, { grid: new Map(), unit: new Map() })
  return 'issue' in r ? cell.text.trim() : r.value
}

/**
 * The header, found by the form module's reader (one header reader in the codebase): one row or
 * two under merged group cells (基本信息 → 姓名 性别; 序号 / 联系方式 / 所在社区 merged down).
 * An .xlsx is read with its merges and borders; a .csv has one plain header row.
 */
async function headerOf(fileName: string, path: string, rows: SheetRows): Promise<FormLayout> {
  // exceljs is loaded on first use, so start-up stays without it.
  const wb = new (await loadExcelJS()).Workbook()
  let sheet: ExcelJS.Worksheet | undefined
  if (/\.xlsx$/i.test(fileName)) {
    await wb.xlsx.readFile(path)
    // The same sheet the row reader took: the first with content.
    sheet = wb.worksheets.find((w) => w.actualRowCount > 0)
  } else {
    const csv = wb.addWorksheet('csv')
    // A contiguous array: exceljs puts element 0 in column A.
    rows.slice(0, 25).forEach((cells, r) => (csv.getRow(r + 1).values = cells.map((c) => c.text)))
    sheet = csv
  }
  const layout = sheet ? readLayout(sheet, ['talents']) : null
  if (!layout)
    throw new AppError(
      'VALIDATION',
      '在前 20 行里没有找到表头。表头行至少要有两列能认出的列名，例如：姓名、性别、联系电话',
    )
  return layout
}

/** Each header column → a street field (first column wins) or the 社区 column. */
function columnsOf(layout: FormLayout): { mapping: [number, string][]; communityCol: number } {
  const fields = new Set(STREET_ROW_FIELDS.map((f) => f.key))
  const mapping: [number, string][] = []
  let communityCol = -1
  for (const c of layout.columns) {
    const m = matchLabel('talents', c.leaf) ?? matchLabel('talents', c.label)
    if (!m) continue
    if (m.target === 'calc:community') {
      if (communityCol < 0) communityCol = c.col - 1
      continue
    }
    const key = m.target === 'grid_id' ? 'grid' : m.target
    if (fields.has(key) && !mapping.some(([, k]) => k === key)) mapping.push([c.col - 1, key])
  }
  return { mapping, communityCol }
}

export function readRosterRows(
  rows: SheetRows,
  layout: FormLayout,
): { community: string; rows: StreetValues[] } {
  const { mapping, communityCol } = columnsOf(layout)
  const columnOf = (k: string) =>
    mapping.find(([, f]) => f === k || (k === 'grid_id' && f === 'grid'))?.[0]
  const out: StreetValues[] = []
  const named = new Set<string>()
  for (const cells of rows.slice(layout.firstDataRow - 1)) {
    if (ignoredReason(cells, columnOf, EXAMPLES.talents)) continue
    const raw: Record<string, unknown> = {}
    for (const [i, key] of mapping) {
      const f = STREET_ROW_FIELDS.find((x) => x.key === key)
      if (f) raw[key] = cellValue(f, cells[i] ?? { text: '' })
    }
    if (!String(raw.name ?? '').trim()) continue
    if (communityCol >= 0) {
      const c = cells[communityCol]?.text.trim()
      if (c) named.add(c)
    }
    out.push(storedValues(raw))
  }
  if (named.size > 1)
    throw new AppError(
      'VALIDATION',
      `这个文件里有 ${named.size} 个社区（${[...named].slice(0, 5).join('、')}）。请每个社区单独一个文件导入`,
    )
  let community = [...named][0] ?? ''
  for (const cells of rows.slice(0, layout.headerTop - 1)) {
    if (community) break
    for (const c of cells) {
      community = communityFromText(c.text)
      if (community) break
    }
  }
  return { community, rows: out }
}

async function readPackageFile(ctx: AppContext, path: string): Promise<ReadSubmission> {
  const tmp = join(stagingDir(ctx), `street-${process.pid}-${Date.now()}.sqlite`)
  try {
    await readPackage(path, tmp)
    let db: Database.Database | undefined
    try {
      db = new Database(tmp, { readonly: true, fileMustExist: true })
      const { community, rows } = packageTalents(db)
      return { source: '数据包', community, rows: rows.map(storedValues) }
    } catch (e) {
      if (e instanceof AppError) throw e
      throw new AppError('VALIDATION', '数据包里的数据读不出社区能人，请让社区重新导出数据包')
    } finally {
      db?.close()
    }
  } finally {
    rmSync(tmp, { force: true })
  }
}

export async function readSubmission(
  ctx: AppContext,
  fileName: string,
  path: string,
): Promise<ReadSubmission> {
  if (fileName.toLowerCase().endsWith('.zip')) return readPackageFile(ctx, path)
  const sheet = await readSheetFile(fileName, path)
  return { source: '花名册', ...readRosterRows(sheet, await headerOf(fileName, path, sheet)) }
}
