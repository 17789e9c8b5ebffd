// Where the data lives: --data-dir, else LIANJIAN_DATA_DIR, else the same folder Electron's
// userData would be for this app, so the desktop window and the browser door share one database.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

const APP_DIR_NAME = 'lianjiantong'

function appDataRoot(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config')
}

function dataDirFromArgs(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? ''
    if (a === '--data-dir') return argv[i + 1]
    if (a.startsWith('--data-dir=')) return a.slice('--data-dir='.length)
  }
  return undefined
}

export function resolveDataDir(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  fallback?: string,
): string {
  const chosen = dataDirFromArgs(argv) ?? env.LIANJIAN_DATA_DIR
  if (chosen) return resolve(chosen)
  return fallback ?? join(appDataRoot(env), APP_DIR_NAME)
}

export function dataPaths(dataDir: string) {
  return {
    dataDir,
    database: join(dataDir, 'lianjian.sqlite'),
    backups: join(dataDir, 'backups'),
    documents: join(dataDir, '文档'),
    templates: join(dataDir, 'templates'),
    logs: join(dataDir, 'logs'),
  }
}
export type DataPaths = ReturnType<typeof dataPaths>
