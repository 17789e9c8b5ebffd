// Every register of a whole demo community goes out to .xlsx and back into an empty database
// (网格 created on the way in), and comes back identical: ID numbers and phones exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillDemo } from '../../../src-main/backend/demo/demo'
import type { RegisterKey } from '../../../src-main/shared/registers/registers'
import { testBackend, type TestBackend } from '../../helpers/temp-backend'
import { stageFile } from '../../helpers/staged-file'

let source: TestBackend
let target: TestBackend
beforeAll(async () => {
  source = testBackend()
  fillDemo(source.ctx)
  target = testBackend()
  const { updated_at: _u, configured: _c, ...settings } = await source.call('settings:get', {})
  await target.call('settings:save', settings)
})
afterAll(() => {
  source.dispose()
  target.dispose()
})

type Row = Record<string, unknown>
const IGNORED = new Set(['id', 'created_at', 'updated_at', 'grid_id', 'duty_grid_id', 'unit_id'])
// Derived from child lists, which do not travel through Excel.
const ignoredCounts = /_count$|^service_hours$/

async function allRows(b: TestBackend, key: RegisterKey): Promise<Row[]> {
  const rows: Row[] = []
  for (let page = 1; ; page++) {
    const r = (await b.raw(`${key}:list`, { page, pageSize: 100 })) as {
      ok: true
      data: { rows: Row[]; total: number }
    }
    rows.push(...r.data.rows)
    if (rows.length >= r.data.total) return rows
  }
}

function comparable(rows: Row[], nameField: string): Row[] {
  return rows
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).filter(([k]) => !IGNORED.has(k) && !ignoredCounts.test(k)),
      ),
    )
    .sort((a, b) =>
      `${String(a[nameField])}${String(a.phone ?? '')}`.localeCompare(
        `${String(b[nameField])}${String(b.phone ?? '')}`,
      ),
    )
}

const NAME_FIELD: Record<RegisterKey, string> = {
  units: 'name',
  talents: 'name',
  committee: 'name',
  households: 'head_name',
  reported_members: 'name',
}
// Committee members and 在职党员 refer to their unit by name: the units must be in the target first.
const NEEDS: Partial<Record<RegisterKey, RegisterKey>> = {
  committee: 'units',
  reported_members: 'units',
}

async function exportAndImport(key: RegisterKey) {
  const needed = NEEDS[key]
  if (needed) await importOnce(needed)
  const columns = (await source.call('exchange:columns', { register: key })).columns.map(
    (c) => c.key,
  )
  const file = await source.call('exchange:export', { register: key, columns, masked: false })
  const input = {
    register: key,
    fileName: file.fileName,
    uploadId: await stageFile(target, Buffer.from(file.base64, 'base64')),
    createGrids: true,
  }
  const preview = await target.call('exchange:preview', input)
  return { file, preview, result: await target.call('exchange:import', input) }
}

// Each register is imported once into the shared target, by whichever test needs it first, so
// every test passes alone and in any order (a test's own register is imported by that test).
const imports = new Map<RegisterKey, ReturnType<typeof exportAndImport>>()
function importOnce(key: RegisterKey): ReturnType<typeof exportAndImport> {
  const known = imports.get(key)
  if (known) return known
  const started = exportAndImport(key)
  imports.set(key, started)
  return started
}

describe('round trip of a whole community through Excel', () => {
  it.each(['units', 'talents', 'committee', 'households', 'reported_members'] as const)(
    '%s: export unmasked, import into a fresh database, identical',
    async (key) => {
      const nameField = NAME_FIELD[key]
      const before = await allRows(source, key)
      const { file, preview, result } = await importOnce(key)
      expect(file.count).toBe(before.length)
      expect(preview.invalid, JSON.stringify(preview.rows.slice(0, 3))).toBe(0)
      expect(result.created).toBe(before.length)
      const after = await allRows(target, key)
      expect(comparable(after, nameField)).toEqual(comparable(before, nameField))
      // Links by name survive: the grid and unit names read the same on both sides.
      const names = (rows: Row[]) =>
        rows.map((x) => `${String(x.grid_name ?? '')}|${String(x.unit_name ?? '')}`).sort()
      expect(names(after)).toEqual(names(before))
    },
  )

  it('the talents with ID numbers keep them digit for digit', async () => {
    await importOnce('talents')
    const before = (await allRows(source, 'talents')).filter((t) => t.id_card !== '')
    const after = await allRows(target, 'talents')
    expect(before.length).toBeGreaterThan(10)
    for (const t of before) expect(after.some((a) => a.id_card === t.id_card)).toBe(true)
  })
})
