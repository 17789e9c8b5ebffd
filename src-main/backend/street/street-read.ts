// Reads what a community hands the street: 联建通's roster export (the street's columns or any
// layout our import understands) or a data package, into plain talent rows and the community
// it names (社区 column, the title 「…街道锦华社区社区治理人才库花名册」, or 填报单位).
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { FieldDef } from '../../shared/registers/field-def'
import { STREET_ROW_FIELDS } from '../../shared/registers/street.fields'
import { AppError } from '../../shared/result'
import type { AppContext } from '../app/context'
import { EXAMPLES } from '../exchange/blank-import-sheet'
import { parseCell } from '../exchange/cell-parse'
import { autoMap, findHeader } from '../exchange/import-mapping'
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

const COMMUNITY_HEADERS = ['社区', '所在社区', '所属社区', '社区名称', '填报社区']
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

export function readRosterRows(rows: SheetRows): { community: string; rows: StreetValues[] } {
  // A street's two-row header: 序号 / 联系方式 / 所在社区 merged down beside 基本信息 → 姓名 性别;
  // a blank under a label above it takes that label. Either of the two rows may score first.
  const joined = (h: number) => {
    const above = h > 0 ? (rows[h - 1] ?? []) : []
    const width = Math.max(rows[h]?.length ?? 0, above.length)
    return Array.from({ length: width }, (_, i) =>
      (rows[h]?.[i]?.text || above[i]?.text || '').replace(/\s+/g, ''),
    )
  }
  const found = findHeader('talents', rows)
  const mapped = (h: number) => Object.keys(autoMap('talents', joined(h))).length
  const headerRow = rows[found + 1] && mapped(found + 1) > mapped(found) ? found + 1 : found
  const header = joined(headerRow)
  const mapping = Object.entries(autoMap('talents', header)).map(
    ([i, k]) => [Number(i), k === 'grid_id' ? 'grid' : k] as const,
  )
  const communityCol = header.findIndex((h) => COMMUNITY_HEADERS.includes(h))
  const columnOf = (k: string) =>
    mapping.find(([, f]) => f === k || (k === 'grid_id' && f === 'grid'))?.[0]
  const out: StreetValues[] = []
  const named = new Set<string>()
  for (const cells of rows.slice(headerRow + 1)) {
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
  for (const cells of rows.slice(0, headerRow)) {
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
  return { source: '花名册', ...readRosterRows(sheet) }
}
