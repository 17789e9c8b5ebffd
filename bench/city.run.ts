// `npm run bench`: a city-scale dataset built through the backend's own paths, then each job
// timed (median, p95) against the bare library doing the same job in the same run.
// Writes bench/results.json. `npm run bench -- --quick` runs a 10× smaller version.
import Database from 'better-sqlite3'
import Docxtemplater from 'docxtemplater'
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { it } from 'vitest'
import { startBackend, type Backend } from '../src-main/backend/app/boot'
import { commonData } from '../src-main/backend/documents/common-data'
import { meetingData } from '../src-main/backend/documents/meeting-data'
import { renderDocx } from '../src-main/backend/documents/render-docx'
import { builtinPath } from '../src-main/backend/documents/template-store'
import { setQuietLog } from '../src-main/backend/log'
import PizZip from 'pizzip'
import { talents } from '../src-main/backend/talents/talents.handlers'
import { tempDir } from '../test/helpers/temp-backend'
import { launchBrowser, startDoor } from '../test/e2e/web-door'
import { bareInsert } from './bare-insert'
import { buildCity, CITY, rng, scaled, talentValues } from './city-data'
import { excelJobs } from './excel-jobs'
import { listByName } from './list-by-name'
import { result, table, time, type BenchResult } from './measure'
import { packageJobs } from './package-jobs'
import { respondersJob } from './responders'
import { runUi } from './ui/ui-run'

const QUICK = process.env['LIANJIAN_BENCH_QUICK'] === '1'
const SCALE = QUICK ? scaled(CITY, 10) : CITY
const log = (line: string) => process.stdout.write(`${line}\n`)

async function ok<T>(b: Backend, channel: string, input: unknown): Promise<T> {
  const r = await b.invoke(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.data as T
}

it.skipIf(process.env['LIANJIAN_BENCH_ONLY'] !== undefined)(
  'city-scale benchmark',
  { timeout: 3 * 60 * 60_000 },
  async () => {
    setQuietLog(true)
    const results: BenchResult[] = []
    const dir = tempDir('lianjian-bench-')
    log(`\n联建通 benchmark (${QUICK ? 'quick, 1/10 scale' : 'city scale'}) in ${dir}`)
    const b = startBackend(dir, 'cli')
    await b.ready
    const t0 = Date.now()
    buildCity(b.ctx, SCALE, log)
    const counted = [
      'talents',
      'units',
      'committee_members',
      'households',
      'household_links',
      'meetings',
      'meeting_attendees',
      'meeting_resolutions',
    ]
      .map(
        (t) =>
          `${t} ${(b.ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n}`,
      )
      .join('，')
    log(`  数据集共用时 ${((Date.now() - t0) / 1000).toFixed(0)} s：${counted}`)
    const db = b.ctx.db
    const grids = (db.prepare('SELECT id FROM grids').all() as { id: number }[]).map((g) => g.id)

    // insert: our create path vs the same writes done by hand with raw prepared statements in
    // one transaction (the row, its search tokens into FTS5, the multi-choice values, an audit
    // row); and, to show what indexing costs, vs a plain row insert.
    const n = QUICK ? 1000 : 5000
    const batches = Array.from({ length: 7 }, () =>
      Array.from({ length: n }, () => talentValues(grids)),
    )
    const ours = await time(3, (i) => {
      const rows = batches[i < 0 ? 6 : i] ?? []
      db.transaction(() => rows.forEach((v) => talents.create(v, b.ctx)))()
    })
    const bare = bareInsert(db)
    const sameJob = await time(3, (i) => bare.sameJob(batches[i < 0 ? 5 : i + 3] ?? []))
    const rowOnly = await time(3, (i) => bare.rowOnly(batches[i < 0 ? 5 : i + 3] ?? []))
    results.push(
      result(
        'insert',
        ours,
        sameJob,
        'throughput ≥ 50% of bare (ratio ≤ 2)',
        `${n} 人一批；对照为手写预编译语句完成同样的写入（行、拼音检索词、多选值、操作记录）`,
      ),
    )
    results.push(
      result(
        'insert_row_only',
        ours,
        rowOnly,
        undefined,
        '对照只插入一行（无检索索引、无操作记录），示意索引的代价',
      ),
    )

    // A filtered list page, through the door (validation included) vs the same SQL by hand.
    const r = rng(7)
    const statuses = ['中共党员', '群众', '共青团员']
    const pages = Array.from({ length: 100 }, () => ({
      status: r.pick(statuses),
      grid: r.pick(grids),
      page: r.int(1, 5),
    }))
    const listOurs = await time(100, async (i) => {
      const p = pages[Math.max(0, i)]
      await ok(b, 'talents:list', {
        page: p?.page,
        pageSize: 20,
        filters: { political_status: p?.status ?? '', grid_id: p?.grid ?? 0 },
      })
    })
    const bareList = db.prepare(
      'SELECT * FROM talents WHERE deleted_at IS NULL AND political_status = ? AND grid_id = ? ORDER BY id DESC LIMIT 20 OFFSET ?',
    )
    const bareCount = db.prepare(
      'SELECT count(*) FROM talents WHERE deleted_at IS NULL AND political_status = ? AND grid_id = ?',
    )
    const listBare = await time(100, (i) => {
      const p = pages[Math.max(0, i)]
      bareList.all(p?.status, p?.grid, ((p?.page ?? 1) - 1) * 20)
      bareCount.get(p?.status, p?.grid)
    })
    results.push(
      result('list_page', listOurs, listBare, 'p95 < 20 ms', '政治面貌 + 网格筛选，第 1–5 页'),
    )

    results.push(await listByName(db, pages, (input) => ok(b, 'talents:list', input)))

    // Search: 2-character substrings of real names, and pinyin initials, vs a LIKE scan.
    const names = (
      db.prepare('SELECT name FROM talents ORDER BY random() LIMIT 100').all() as {
        name: string
      }[]
    ).map((x) => x.name)
    const like = db.prepare(
      `SELECT * FROM talents WHERE deleted_at IS NULL AND (name LIKE @q OR skills LIKE @q OR employer LIKE @q OR occupation LIKE @q OR estate LIKE @q OR building LIKE @q OR phone LIKE @q) ORDER BY id DESC LIMIT 20`,
    )
    const likeCount = db.prepare(
      `SELECT count(*) FROM talents WHERE deleted_at IS NULL AND (name LIKE @q OR skills LIKE @q OR employer LIKE @q OR occupation LIKE @q OR estate LIKE @q OR building LIKE @q OR phone LIKE @q)`,
    )
    const scan = (q: string) => {
      like.all({ q: `%${q}%` })
      likeCount.get({ q: `%${q}%` })
    }
    const subs = names.map((x) => [...x].slice(-2).join(''))
    const subOurs = await time(100, (i) => ok(b, 'talents:list', { search: subs[Math.max(0, i)] }))
    const subBare = await time(100, (i) => scan(subs[Math.max(0, i)] ?? ''))
    results.push(
      result('search_substring', subOurs, subBare, 'p95 < 10 ms', '2 字子串（如「志红」），含总数'),
    )
    const { pinyin } = await import('pinyin-pro')
    const initials = names.map((x) =>
      pinyin(x, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join(''),
    )
    const iniOurs = await time(100, (i) =>
      ok(b, 'talents:list', { search: initials[Math.max(0, i)] }),
    )
    const iniBare = await time(100, (i) => scan(initials[Math.max(0, i)] ?? ''))
    results.push(
      result(
        'search_initials',
        iniOurs,
        iniBare,
        'p95 < 10 ms',
        '拼音首字母（如 lzh）；对照为 LIKE 全表扫描',
      ),
    )

    results.push(...(await respondersJob(b, grids, QUICK ? 2_000 : 20_000, log)))

    results.push(...(await excelJobs()))

    // One 会议纪要 from a city-scale meeting: our whole path (read the meeting, check the
    // template, render, zip) vs a bare docxtemplater render of the same template and data.
    const meetingIds = (
      db.prepare('SELECT id FROM meetings WHERE deleted_at IS NULL LIMIT 50').all() as {
        id: number
      }[]
    ).map((m) => m.id)
    const minutesTemplate = readFileSync(builtinPath('minutes'))
    const minutesData = (id: number) => ({ ...commonData(b.ctx), ...meetingData(b.ctx, id) })
    const minutesOurs = await time(50, (i) =>
      renderDocx(
        minutesTemplate,
        'minutes',
        minutesData(meetingIds[Math.max(0, i) % meetingIds.length] ?? 1),
      ),
    )
    const fixed = minutesData(meetingIds[0] ?? 1)
    const minutesBare = await time(50, () => {
      const d = new Docxtemplater(new PizZip(minutesTemplate), {
        paragraphLoop: true,
        linebreaks: true,
      })
      d.render(fixed)
      return d.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' })
    })
    results.push(
      result(
        'minutes_docx',
        minutesOurs,
        minutesBare,
        '< 30 ms, ≤ 1.5× bare',
        '含读会议、模板检查；对照为 docxtemplater 直接渲染',
      ),
    )

    // Moving to another PC: the whole city in one data package, out and in again.
    results.push(...(await packageJobs(b.ctx, 3, log)))

    // Start-up on the city database: open, migration check, quick_check (and whatever else
    // our start does) vs opening with better-sqlite3 and running quick_check.
    b.close()
    const dbFile = join(dir, 'lianjian.sqlite')
    const startOurs = await time(5, async () => {
      const started = startBackend(dir, 'cli')
      await started.ready
      started.close()
    })
    const startBare = await time(5, () => {
      const raw = new Database(dbFile)
      raw.pragma('journal_mode = WAL')
      raw.pragma('quick_check')
      raw.close()
    })
    results.push(
      result(
        'startup',
        startOurs,
        startBare,
        undefined,
        `数据库 ${(statSync(dbFile).size / 1048576).toFixed(0)} MB`,
      ),
    )

    // The real UI: time from navigation until the talent register shows its first page.
    const door = await startDoor(dir)
    const browser = await launchBrowser()
    try {
      // A fresh browser context each time (nothing cached), timed from navigation, not from
      // Chromium setting up the tab.
      const pages = await Promise.all(
        Array.from({ length: 6 }, () =>
          browser.newPage({ viewport: { width: 1366, height: 860 } }),
        ),
      )
      // Each fresh context needs its own one-time address (the door lets in only its starter);
      // fetched before timing, so the time includes the code's redirect but not the asking.
      const addresses: string[] = []
      for (let i = 0; i < 6; i++) addresses.push(await door.openUrl())
      const ui = await time(5, async (i) => {
        const page = pages[i + 1]
        await page?.goto(`${addresses[i + 1] ?? door.url}#/talents`)
        await page?.locator('[data-test="register-table"] .el-table__body tr').first().waitFor()
      })
      await Promise.all(pages.map((p) => p.close()))
      results.push(
        result('ui_first_page', ui, null, '< 1000 ms', '打开社区能人页到第一页出现（含加载程序）'),
      )
    } finally {
      await browser.close()
      await door.stop()
    }
    // Every screen interaction on the city data, against the bare page (bench/ui/).
    results.push(...(await runUi(dir, 'city_', log)))

    results.push({
      name: 'rss_mb',
      median_ms: null,
      p95_ms: null,
      ratio_vs_bare: null,
      value: Math.round(process.memoryUsage().rss / 1048576),
      unit: 'MB',
      note: '跑完全部项目后本进程常驻内存',
    })

    log(`\n${table(results)}\n`)
    mkdirSync('bench', { recursive: true })
    writeFileSync(join('bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
    log('写入 bench/results.json')
    rmSync(dir, { recursive: true, force: true })
  },
)
