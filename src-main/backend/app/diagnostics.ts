// 复制诊断信息: what support needs to know about this installation, as text the user pastes
// into a message. Versions, platform, the data folder's state and the run's last problems;
// never a record, a name or a phone (the log lines it quotes are written without them).
import { statfsSync } from 'node:fs'
import { arch, platform, release } from 'node:os'
import type { Output, ParsedInput } from '../../shared/contract'
import { schemaVersion } from '../db/migrate'
import { logFile, recentProblems } from '../log'
import { tableCounts } from './app.repo'
import type { AppContext } from './context'

const MODE: Record<AppContext['safety']['mode'], string> = {
  normal: '正常',
  'read-only': '只读',
  damaged: '安全模式（数据文件损坏）',
  unavailable: '无法使用',
}

function freeSpace(dir: string): string {
  try {
    const s = statfsSync(dir)
    return `${((s.bavail * s.bsize) / 1024 ** 3).toFixed(1)} GB`
  } catch {
    return '未知'
  }
}

export function appDiagnostics(
  _input: ParsedInput<'app:diagnostics'>,
  ctx: AppContext,
): Output<'app:diagnostics'> {
  const { safety, paths } = ctx
  const counts = safety.mode === 'normal' || safety.mode === 'read-only' ? tableCounts(ctx.db) : []
  const problems = recentProblems()
  const lines = [
    `联建通 ${ctx.appVersion}（${ctx.door === 'electron' ? '桌面版' : ctx.door === 'web' ? '浏览器版' : ctx.door}）`,
    `系统：${platform()} ${release()} ${arch()}；Node ${process.versions.node}${process.versions['electron'] ? `；Electron ${process.versions['electron']}` : ''}`,
    `数据文件夹：${paths.dataDir}（剩余空间 ${freeSpace(paths.dataDir)}）`,
    `数据状态：${MODE[safety.mode]}${safety.message ? `——${safety.message}` : ''}`,
    `数据版本：${ctx.db.open ? schemaVersion(ctx.db) : '未打开'}`,
    ...safety.warnings.map((w) => `提醒：${w}`),
    `最近自动备份：${safety.lastAutoBackup ?? '本次运行尚未备份'}${safety.autoBackupError ? `（上次失败：${safety.autoBackupError}）` : ''}`,
    `记录数：${counts.map((c) => `${c.label} ${c.count}`).join('，') || '无法读取'}`,
    `日志文件：${logFile() ?? '未写入文件'}`,
    problems.length ? `本次运行的问题（最近 ${problems.length} 条）：` : '本次运行没有记录到问题。',
    ...problems,
  ]
  return { text: lines.join('\n') }
}
