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
  rounds: number
  commits: number
  killedBeforeReady: number
  failures: string[]
  ms: number
}

const OUT = resolve('.tmp/crash-child')

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

function oneRound(
  child: string,
  dir: string,
  killAfterReady: boolean,
): Promise<{ ids: number[]; ready: boolean }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [child, dir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let ready = false
    const kill = () => p.kill('SIGKILL')
    p.stdout.on('data', (b: Buffer) => {
      out += String(b)
      if (!ready && /^ready \d+$/m.test(out)) {
        ready = true
        if (killAfterReady) setTimeout(kill, Math.random() * 150)
      }
    })
    p.stderr.on('data', (b: Buffer) => (err += String(b)))
    if (!killAfterReady) setTimeout(kill, Math.random() * 400)
    // A child that never gets ready is a failure of its own, not a hang.
    const guard = setTimeout(kill, 10_000)
    p.on('exit', (code, signal) => {
      clearTimeout(guard)
      if (signal !== 'SIGKILL') return fail(new Error(`child exited by itself (${code}): ${err}`))
      // Only complete lines count: a half-written line was never fully reported.
      const lines = out.split('\n').slice(0, -1)
      done({ ids: lines.filter((l) => /^\d+$/.test(l)).map(Number), ready })
    })
  })
}

function verify(file: string, committed: Set<number>): string[] {
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
    return problems
  } finally {
    db.close()
  }
}

export async function runCrashTest(
  child: string,
  rounds: number,
  log: (line: string) => void = () => {},
): Promise<CrashReport> {
  const started = Date.now()
  const dir = mkdtempSync(join(tmpdir(), 'lianjian-crash-'))
  const committed = new Set<number>()
  const failures: string[] = []
  let killedBeforeReady = 0
  try {
    for (let r = 1; r <= rounds && failures.length === 0; r++) {
      // One round in five is killed at any moment, start-up and migrations included.
      const res = await oneRound(child, dir, Math.random() >= 0.2)
      if (!res.ready) killedBeforeReady++
      for (const id of res.ids) committed.add(id)
      const problems = verify(join(dir, 'lianjian.sqlite'), committed)
      if (problems.length) failures.push(`round ${r}: ${problems.join('; ')}`)
      if (r % 50 === 0) log(`round ${r}: ${committed.size} commits verified`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return { rounds, commits: committed.size, killedBeforeReady, failures, ms: Date.now() - started }
}
