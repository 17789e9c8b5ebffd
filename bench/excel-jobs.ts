// Excel both ways on a community of exactly 10k talents: our export vs bare exceljs writing
// the same cells, and our import (check, duplicates, index, backup) vs exceljs read + insert.
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { rmSync } from 'node:fs'
import { startBackend, type Backend } from '../src-main/backend/app/boot'
import { sheetColumns, STREET_TALENT_COLUMNS } from '../src-main/shared/registers/columns'
import { tempDir } from '../test/helpers/temp-backend'
import { buildCity } from './city-data'
import { result, time, type BenchResult } from './measure'

type Row = Record<string, unknown>

async function ok<T>(b: Backend, channel: string, input: unknown): Promise<T> {
  const r = await b.invoke(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.data as T
}

export async function excelJobs(): Promise<BenchResult[]> {
  const results: BenchResult[] = []
  // Excel: a community of exactly 10k talents, exported and imported.
  const exDir = tempDir('lianjian-bench-ex-')
  const ex = startBackend(exDir, 'cli')
  await ex.ready
  buildCity(
    ex.ctx,
    {
      talents: 10_000,
      units: 0,
      committee: 0,
      households: 0,
      linksPerHousehold: 0,
      grids: 20,
      meetings: 0,
    },
    () => undefined,
  )
  const columns = [...STREET_TALENT_COLUMNS]
  let file = { fileName: '', base64: '', count: 0 }
  const exportOurs = await time(3, async () => {
    file = await ok(ex, 'exchange:export', { register: 'talents', columns, masked: false })
  })
  const sheetCols = sheetColumns('talents').filter((c) => columns.includes(c.key as never))
  const rawRows = ex.ctx.db
    .prepare('SELECT * FROM talents WHERE deleted_at IS NULL ORDER BY id')
    .all() as Row[]
  const exportBare = await time(3, async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('s')
    ws.addRow(sheetCols.map((c) => c.label))
    for (const row of rawRows) ws.addRow(sheetCols.map((c) => row[c.key] as string))
    await wb.xlsx.writeBuffer()
  })
  results.push(
    result('export_10k', exportOurs, exportBare, '< 1500 ms', `${file.count} 人，街道花名册格式`),
  )
  ex.close()
  rmSync(exDir, { recursive: true, force: true })

  const importDirs: string[] = []
  const importOurs = await time(
    3,
    async () => {
      const d = tempDir('lianjian-bench-im-')
      importDirs.push(d)
      const fresh = startBackend(d, 'cli')
      await fresh.ready
      try {
        const res = await ok<{ created: number }>(fresh, 'exchange:import', {
          register: 'talents',
          fileName: file.fileName,
          base64: file.base64,
          createGrids: true,
        })
        if (res.created !== file.count) throw new Error(`imported ${res.created} of ${file.count}`)
      } finally {
        fresh.close()
      }
    },
    0,
  )
  const bareDb = new Database(':memory:')
  bareDb.exec(`CREATE TABLE t (${sheetCols.map((c) => `${c.key} TEXT`).join(', ')})`)
  const bareIns = bareDb.prepare(`INSERT INTO t VALUES (${sheetCols.map(() => '?').join(', ')})`)
  const importBare = await time(3, async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    bareDb.transaction(() => {
      ws?.eachRow((row, i) => {
        if (i > 3) bareIns.run(...sheetCols.map((_, j) => String(row.getCell(j + 2).value ?? '')))
      })
    })()
  })
  bareDb.close()
  results.push(
    result(
      'import_10k',
      importOurs,
      importBare,
      '< 3000 ms',
      '含逐行校验、查重、拼音索引、导入前备份；对照为 exceljs 读 + 直接插入',
    ),
  )
  for (const d of importDirs) rmSync(d, { recursive: true, force: true })
  return results
}
