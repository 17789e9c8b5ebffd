// Kills a child that commits register writes with SIGKILL at random moments, again and again
// on the same database; after each kill the database must pass integrity_check and hold every
// id the child reported as committed (with its audit entry: no half transactions).
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'

export interface CrashReport {
  seed: number
  rounds: number
  commits: number
  /** 街道 submissions reported as committed (each checked whole after every kill). */
  submissions: number
  killedBeforeReady: number
  failures: string[]
  ms: number
}

const OUT = resolve('.tmp/crash-child')

/** A seed from CRASH_SEED, or a fresh one; a failure prints it so the same run can be repeated. */
export function crashSeed(env = process.env['CRASH_SEED']): number {
  if (env === undefined || env === '') return Math.floor(Math.random() * 2 ** 32)
  const seed = Number(env)
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32)
    throw new Error(`CRASH_SEED 应为 0 到 4294967295 之间的整数（现为 ${env}）`)
  return seed
}

/** mulberry32: a tiny seeded generator, so every kill moment and kind comes from the seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Bundles the child with Vite (the migrations are imported the way the app build does). */
export async function buildChild(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: resolve('test/crash/crash-child.ts'),
      outDir: OUT,
      emptyOutDir: true,
      rollupOptions: { output: { entryFileNames: 'crash-child.mjs' } },
    },
  })
  return join(OUT, 'crash-child.mjs')
}

/**
 * When to kill: at any moment of start-up (migrations included), or once the child has reported
 * some commits and then a few milliseconds later, which lands inside a write. Counting commits
 * instead of waiting a fixed time keeps every round meaningful on a loaded machine.
 */
export type KillPlan =
  { during: 'start-up'; ms: number } | { during: 'writes'; after: number; ms: number }

export function killPlan(random: () => number): KillPlan {
  // One round in five is killed during start-up.
  if (random() < 0.2) return { during: 'start-up', ms: Math.floor(random() * 400) }
  return { during: 'writes', after: 1 + Math.floor(random() * 8), ms: Math.floor(random() * 15) }
}

function oneRound(
  child: string,
  dir: string,
  plan: KillPlan,
): Promise<{ ids: number[]; submissions: [number, number][]; ready: boolean }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [child, dir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let ready = false
    let armed = false
    const kill = () => p.kill('SIGKILL')
    p.stdout.on('data', (b: Buffer) => {
      out += String(b)
      if (!ready && /^ready \d+$/m.test(out)) ready = true
      if (plan.during === 'writes' && !armed && (out.match(/^\d+$/gm)?.length ?? 0) >= plan.after) {
        armed = true
        setTimeout(kill, plan.ms)
      }
    })
    p.stderr.on('data', (b: Buffer) => (err += String(b)))
    if (plan.during === 'start-up') setTimeout(kill, plan.ms)
    // A child that never commits is a failure of its own (no commits to check), not a hang.
    const guard = setTimeout(kill, 30_000)
    p.on('exit', (code, signal) => {
      clearTimeout(guard)
      if (signal !== 'SIGKILL') return fail(new Error(`child exited by itself (${code}): ${err}`))
      // Only complete lines count: a half-written line was never fully reported.
      const lines = out.split('\n').slice(0, -1)
      const submissions = lines
        .map((l) => /^s (\d+) (\d+)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m): [number, number] => [Number(m[1]), Number(m[2])])
      done({ ids: lines.filter((l) => /^\d+$/.test(l)).map(Number), submissions, ready })
    })
  })
}

/** 街道 submissions: each reported one whole, none half-written, one current per community. */
function verifyStreet(db: Database.Database, submitted: Map<number, number>): string[] {
  const problems: string[] = []
  const rows = db
    .prepare(
      `SELECT s.id, s.row_count, (SELECT count(*) FROM street_rows r WHERE r.submission_id = s.id) AS n
       FROM street_submissions s`,
    )
    .all() as { id: number; row_count: number; n: number }[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  for (const [id, count] of submitted)
    if (byId.get(id)?.n !== count) problems.push(`street submission ${id} lost or incomplete`)
  const half = rows.filter((r) => r.n !== r.row_count)
  if (half.length) problems.push(`${half.length} street submissions half written`)
  const twice = db
    .prepare(
      `SELECT count(*) AS n FROM (SELECT community_id FROM street_submissions
       WHERE replaced_by IS NULL GROUP BY community_id HAVING count(*) > 1)`,
    )
    .get() as { n: number }
  if (twice.n) problems.push('a community with two current submissions')
  return problems
}

function verify(file: string, committed: Set<number>, submitted: Map<number, number>): string[] {
  const db = new Database(file)
  try {
    const problems: string[] = []
    const check = db.pragma('integrity_check', { simple: true })
    if (check !== 'ok') problems.push(`integrity_check: ${String(check)}`)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()
    if (tables.length === 0) {
      // Killed during the very first start-up: the migrations are one transaction, so there
      // is either no schema at all or all of it (and nothing can have been committed yet).
      if (committed.size) problems.push('schema gone after commits were reported')
      if (db.pragma('user_version', { simple: true }) !== 0)
        problems.push('user_version without schema')
      return problems
    }
    const present = new Set(
      (db.prepare('SELECT id FROM talents').all() as { id: number }[]).map((r) => r.id),
    )
    const lost = [...committed].filter((id) => !present.has(id))
    if (lost.length) problems.push(`lost commits: ${lost.slice(0, 10).join(',')}`)
    const orphan = db
      .prepare(
        `SELECT count(*) AS n FROM talents t WHERE NOT EXISTS (SELECT 1 FROM audit_log a
         WHERE a.table_name = 'talents' AND a.row_id = t.id AND a.action = 'create')`,
      )
      .get() as { n: number }
    if (orphan.n) problems.push(`${orphan.n} rows without their audit entry (half transaction)`)
    problems.push(...verifyStreet(db, submitted))
    return problems
  } finally {
    db.close()
  }
}

export async function runCrashTest(
  child: string,
  rounds: number,
  seed: number,
  log: (line: string) => void = () => {},
): Promise<CrashReport> {
  const started = Date.now()
  const random = seededRandom(seed)
  const dir = mkdtempSync(join(tmpdir(), 'lianjian-crash-'))
  const committed = new Set<number>()
  const submitted = new Map<number, number>()
  const failures: string[] = []
  let killedBeforeReady = 0
  try {
    for (let r = 1; r <= rounds && failures.length === 0; r++) {
      // One round in five is killed at any moment, start-up and migrations included.
      // The seed fixes each round's plan; where inside a write the kill lands still depends on
      // the machine, so a re-run repeats the plan, not every byte.
      const res = await oneRound(child, dir, killPlan(random))
      if (!res.ready) killedBeforeReady++
      for (const id of res.ids) committed.add(id)
      for (const [id, count] of res.submissions) submitted.set(id, count)
      const problems = verify(join(dir, 'lianjian.sqlite'), committed, submitted)
      if (problems.length) failures.push(`round ${r}: ${problems.join('; ')}`)
      if (r % 50 === 0) log(`round ${r}: ${committed.size} commits verified`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return {
    seed,
    rounds,
    commits: committed.size,
    submissions: submitted.size,
    killedBeforeReady,
    failures,
    ms: Date.now() - started,
  }
}
