// Facts about folders that decide how safely the data can be kept: can we write there, and is
// it a network share (where SQLite's locking is not to be trusted).
import { environmentCause, errorCode } from '../errors'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const NETWORK_FS = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'ncpfs',
  'afs',
  '9p',
  'fuse.sshfs',
  'davfs',
  'fuse.davfs2',
  'glusterfs',
  'fuse.glusterfs',
  'ceph',
  'lustre',
])

/** The kind of network share `path` lives on ('UNC', 'nfs', 'cifs' …), or null when local. */
export function networkShareKind(
  path: string,
  platform: NodeJS.Platform = process.platform,
  mounts?: string,
): string | null {
  if (platform === 'win32') {
    return /^(\\\\|\/\/)/.test(path) && !/^\\\\\?\\[A-Za-z]:/.test(path) ? 'UNC' : null
  }
  if (platform !== 'linux') return null
  let table = mounts
  if (table === undefined) {
    try {
      table = readFileSync('/proc/mounts', 'utf8')
    } catch {
      return null
    }
  }
  const target = resolve(path)
  let best: { point: string; type: string } | null = null
  for (const line of table.split('\n')) {
    const [, rawPoint, type] = line.split(' ')
    if (!rawPoint || !type) continue
    // /proc/mounts escapes spaces and the like as octal (\040).
    const point = rawPoint.replace(/\\([0-7]{3})/g, (_, o: string) =>
      String.fromCharCode(parseInt(o, 8)),
    )
    const inside = point === '/' || target === point || target.startsWith(point + '/')
    if (inside && (!best || point.length >= best.point.length)) best = { point, type }
  }
  return best && NETWORK_FS.has(best.type) ? best.type : null
}

export function networkShareWarning(dataDir: string, kind: string): string {
  return `数据文件夹位于网络共享（${kind}）上：${dataDir}。数据库放在网络共享上，遇到断网或多台电脑同时打开时可能损坏。建议把数据文件夹放在本机硬盘上，网络共享只用来存放备份。`
}

/** Why `dir` cannot be written (a Chinese sentence), or null when a probe file can be written. */
export function notWritableReason(dir: string): string | null {
  if (!existsSync(dir)) return '文件夹不存在'
  const probe = join(dir, `.lianjian-probe-${process.pid}-${Date.now()}`)
  try {
    // No fsync: this runs on every status call, and a slow USB stick would make it felt.
    writeFileSync(probe, 'ok')
    rmSync(probe, { force: true })
    return null
  } catch (e) {
    const code = errorCode(e)
    const cause = environmentCause(e)
    if (code === 'EROFS') return '所在磁盘是只读的'
    if (cause === 'READ_ONLY') return '没有写入权限'
    if (cause === 'DISK_FULL') return '磁盘空间已满'
    if (code === 'ENOTDIR') return '这不是一个文件夹'
    return `无法写入（${code || '未知原因'}）`
  }
}
