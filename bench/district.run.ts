// 街道 mode at district scale (issue 16): 300 communities × 500 talents. The merged list page,
// the duplicates report and one community's import, each through the door and against the
// bare library doing the same job in the same run. Alone: `npm run bench -- --district`.
// Writes bench/district-results.json.
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import { rmSync, writeFileSync } from 'node:fs'
import { it } from 'vitest'
import { startBackend, type Backend } from '../src-main/backend/app/boot'
import { setQuietLog } from '../src-main/backend/log'
import { CHUNK_BYTES } from '../src-main/shared/limits'
import { tempDir } from '../test/helpers/temp-backend'
import { rng } from './city-data'
import { buildDistrict, communityName, DISTRICT, rosterFile } from './district-data'
import { result, table, time, type BenchResult } from './measure'

const QUICK = process.env['LIANJIAN_BENCH_QUICK'] === '1'
const SCALE = QUICK ? { communities: 30, perCommunity: 500 } : DISTRICT
const log = (line: string) => process.stdout.write(`${line}\n`)

async function ok<T>(b: Backend, channel: string, input: unknown): Promise<T> {
  const r = await b.invoke(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.data as T
}

async function stage(b: Backend, data: Buffer, id: string): Promise<string> {
  for (let offset = 0; offset < data.length; offset += CHUNK_BYTES)
    await ok(b, 'safety:upload', {
      uploadId: id,
      offset,
      base64: data.subarray(offset, offset + CHUNK_BYTES).toString('base64'),
    })
  return id
}

it.skipIf(process.env['LIANJIAN_BENCH_PACKAGE'] === '1')(
  'district-scale street benchmark',
  { timeout: 60 * 60_000 },
  async () => {
    setQuietLog(true)
    const dir = tempDir('lianjian-bench-district-')
    const b = startBackend(dir, 'cli')
    await b.ready
    const results: BenchResult[] = []
    try {
      buildDistrict(b.ctx, SCALE, log)
      const db = b.ctx.db
      const rows = (
        db.prepare('SELECT count(*) AS n FROM street_rows WHERE current = 1').get() as { n: number }
      ).n
      log(`  合并人才库 ${rows} 人`)

      // The merged list: pages 1–5, unfiltered, by 社区, by 人才类别, in pinyin order of 姓名.
      const r = rng(16)
      const communities = (
        db.prepare('SELECT id FROM street_communities').all() as { id: number }[]
      ).map((c) => c.id)
      const pages = Array.from({ length: 100 }, (_, i) => ({
        page: r.int(1, 5),
        communityId: i % 3 === 1 ? r.pick(communities) : undefined,
        category: i % 3 === 2 ? r.pick(['法律服务', '医疗健康', '文化体育']) : undefined,
      }))
      const listOurs = await time(100, (i) =>
        ok(b, 'street:list', { pageSize: 20, ...pages[Math.max(0, i)] }),
      )
      const bare = {
        all: db.prepare(
          'SELECT * FROM street_rows WHERE current = 1 ORDER BY sort_key, id LIMIT 20 OFFSET ?',
        ),
        allN: db.prepare('SELECT count(*) FROM street_rows WHERE current = 1'),
        com: db.prepare(
          'SELECT * FROM street_rows WHERE current = 1 AND community_id = ? ORDER BY sort_key, id LIMIT 20 OFFSET ?',
        ),
        comN: db.prepare('SELECT count(*) FROM street_rows WHERE current = 1 AND community_id = ?'),
        cat: db.prepare(
          `SELECT * FROM street_rows WHERE current = 1 AND categories LIKE ? ORDER BY sort_key, id LIMIT 20 OFFSET ?`,
        ),
        catN: db.prepare(
          `SELECT count(*) FROM street_rows WHERE current = 1 AND categories LIKE ?`,
        ),
      }
      const listBare = await time(100, (i) => {
        const p = pages[Math.max(0, i)]
        const offset = ((p?.page ?? 1) - 1) * 20
        if (p?.communityId !== undefined) {
          bare.com.all(p.communityId, offset)
          bare.comN.get(p.communityId)
        } else if (p?.category) {
          bare.cat.all(`%"${p.category}"%`, offset)
          bare.catN.get(`%"${p.category}"%`)
        } else {
          bare.all.all(offset)
          bare.allN.get()
        }
      })
      results.push(
        result(
          'street_list_page',
          listOurs,
          listBare,
          'p95 < 20 ms',
          '合并人才库一页（不筛选 / 按社区 / 按人才类别，第 1–5 页，含总数）；对照为手写 SQL（类别用 LIKE）',
        ),
      )

      // Search by pinyin initials across the district, vs a LIKE scan of the names.
      const names = (
        db
          .prepare('SELECT name FROM street_rows WHERE current = 1 ORDER BY random() LIMIT 100')
          .all() as { name: string }[]
      ).map((x) => x.name)
      const { pinyin } = await import('pinyin-pro')
      const initials = names.map((x) =>
        pinyin(x, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join(''),
      )
      const searchOurs = await time(100, (i) =>
        ok(b, 'street:list', { search: initials[Math.max(0, i)] }),
      )
      const like = db.prepare(
        'SELECT * FROM street_rows WHERE current = 1 AND name LIKE ? ORDER BY sort_key, id LIMIT 20',
      )
      const searchBare = await time(100, (i) => like.all(`%${names[Math.max(0, i)] ?? ''}%`))
      results.push(
        result(
          'street_search_initials',
          searchOurs,
          searchBare,
          'p95 < 10 ms',
          '拼音首字母；对照为按汉字姓名 LIKE 扫描（无拼音）',
        ),
      )

      // Duplicates across communities: our report (groups and each person's row) vs the two
      // GROUP BY queries alone.
      let groups = 0
      const dupOurs = await time(5, async () => {
        groups = (await ok<unknown[]>(b, 'street:duplicates', {})).length
      })
      const byId = db.prepare(
        `SELECT id_card, group_concat(id) FROM street_rows INDEXED BY street_rows_id_card WHERE current = 1 AND id_card <> '' GROUP BY id_card HAVING count(DISTINCT community_id) > 1`,
      )
      const byNamePhone = db.prepare(
        `SELECT name, phone, group_concat(id) FROM street_rows INDEXED BY street_rows_name_phone WHERE current = 1 AND phone <> '' GROUP BY name, phone HAVING count(DISTINCT community_id) > 1`,
      )
      const dupBare = await time(5, () => {
        byId.all()
        byNamePhone.all()
      })
      results.push(result('street_duplicates', dupOurs, dupBare, '< 2 s', `${groups} 组跨社区重复`))

      // One community's resubmission (500 people, an .xlsx): staged, read, replaced, indexed.
      const files = await Promise.all(
        Array.from({ length: 6 }, (_, i) => rosterFile(communityName(i), SCALE.perCommunity)),
      )
      const importOurs = await time(5, async (i) => {
        const k = i < 0 ? 5 : i
        const id = await stage(b, files[k] as Buffer, `bench-import-${k}`)
        await ok(b, 'street:import', { fileName: `${communityName(k)}.xlsx`, uploadId: id })
      })
      // Bare: exceljs reads the same file and 500 rows go in with one prepared statement.
      const scratch = new Database(':memory:')
      scratch.exec(
        'CREATE TABLE t (name, gender, id_card, phone, grid, categories, skills, employer)',
      )
      const ins = scratch.prepare('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      const importBare = await time(5, async (i) => {
        const wb = new ExcelJS.Workbook()
        await wb.xlsx.load(files[i < 0 ? 5 : i] as unknown as ArrayBuffer)
        const ws = wb.worksheets[0]
        scratch.transaction(() => {
          ws?.eachRow((row, n) => {
            if (n <= 3) return
            const v = (c: number) => row.getCell(c).text
            ins.run(v(2), v(3), v(4), v(5), v(6), v(7), v(8), v(9))
          })
        })()
      })
      scratch.close()
      results.push(
        result(
          'street_import_one',
          importOurs,
          importBare,
          '< 1 s',
          `一个社区 ${SCALE.perCommunity} 人的 .xlsx（上传、读取、替换上次报送、建检索）；对照为 exceljs 读取 + 预编译插入`,
        ),
      )

      log(`\n${table(results)}\n`)
      writeFileSync(
        'bench/district-results.json',
        `${JSON.stringify({ scale: SCALE, rows, results }, null, 2)}\n`,
      )
    } finally {
      b.close()
      rmSync(dir, { recursive: true, force: true })
    }
  },
)
