import type { Output, ParsedInput } from '../../shared/contract'
import { schemaVersion } from '../db/migrate'
import { fillDemo } from '../demo/demo'
import { refuseWhenReadOnly } from '../safety/restore'
import type { AppContext } from './context'
import { integrityReport, tableCounts } from './app.repo'

export function appInfo(_input: ParsedInput<'app:info'>, ctx: AppContext): Output<'app:info'> {
  return {
    appVersion: ctx.appVersion,
    dataDir: ctx.paths.dataDir,
    databasePath: ctx.paths.database,
    schemaVersion: schemaVersion(ctx.db),
    door: ctx.door,
    counts: tableCounts(ctx.db),
  }
}

export function appCheck(_input: ParsedInput<'app:check'>, ctx: AppContext): Output<'app:check'> {
  const r = integrityReport(ctx.db)
  const ok =
    r.quickCheck.join() === 'ok' && r.integrityCheck.join() === 'ok' && r.foreignKeyProblems === 0
  return { ok, ...r }
}

/**
 * The backend cannot show a window; the desktop shell answers this channel itself with the
 * system's folder dialog. Every other door says so, and the user types the path instead.
 */
export function appPickFolder(_input: ParsedInput<'app:pick-folder'>): Output<'app:pick-folder'> {
  return { supported: false, path: null }
}

/** The made-up 锦华社区 for trying the app (`lianjian demo`); only into an empty database. */
export function appDemo(_input: ParsedInput<'app:demo'>, ctx: AppContext): Output<'app:demo'> {
  refuseWhenReadOnly(ctx, '写入演示数据')
  return fillDemo(ctx)
}
