// Where generated documents go and what happens to them afterwards: safe, never-overwriting
// file names; opening a file or its folder with the system (the backend runs on the user's own
// machine in every door); PDF through LibreOffice where it is installed.
import { errorCode } from '../errors'
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { AppError } from '../../shared/result'
import { fileError, writeAtomic } from '../files/atomic-write'

/** A file name Windows, Linux and WPS all accept: no \ / : * ? " < > | or control characters. */
export function safeFileName(name: string): string {
  return (
    name
      // eslint-disable-next-line no-control-regex
      .replace(/[\\/:*?"<>|\x00-\x1F\x7F]/g, '')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.]+|[\s.]+$/g, '')
      .slice(0, 120)
  )
}

/**
 * Writes buf as folder/base.ext, or base（2）.ext, base（3）.ext… if taken; never overwrites, and
 * the file appears whole or not at all (a full disk leaves no broken .docx).
 */
export function writeUnique(folder: string, base: string, ext: string, buf: Buffer): string {
  try {
    mkdirSync(folder, { recursive: true })
  } catch (e) {
    throw fileError(e, folder, '文档')
  }
  const name = safeFileName(base) || '文档'
  for (let n = 1; n < 1000; n++) {
    const path = join(folder, n === 1 ? `${name}${ext}` : `${name}（${n}）${ext}`)
    try {
      writeAtomic(path, buf, { replace: false })
      return path
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') throw fileError(e, path, '文档')
    }
  }
  throw new AppError('CONFLICT', '同名文件太多，请换一个文件夹或清理旧文件')
}

/** The chosen output folder as an absolute path, created when missing. */
export function outputFolder(folder: string | undefined, fallback: string): string {
  const chosen = folder?.trim() ? folder.trim() : fallback
  if (!isAbsolute(chosen))
    throw new AppError('VALIDATION', '保存位置要写完整的文件夹路径，如 D:\\文档 或 /home/用户/文档')
  const abs = resolve(chosen)
  try {
    mkdirSync(abs, { recursive: true })
  } catch (e) {
    throw fileError(e, abs, '文档')
  }
  return abs
}

/** The command that opens a file or folder on this system (LIANJIAN_OPENER overrides). */
function opener(target: string, env: NodeJS.ProcessEnv): { cmd: string; args: string[] } {
  if (env.LIANJIAN_OPENER) return { cmd: env.LIANJIAN_OPENER, args: [target] }
  if (process.platform === 'win32') return { cmd: 'explorer.exe', args: [target] }
  if (process.platform === 'darwin') return { cmd: 'open', args: [target] }
  return { cmd: 'xdg-open', args: [target] }
}

/** Opens the file (or the folder holding it) with the system's default program. */
export function openWithSystem(
  path: string,
  what: 'file' | 'folder',
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const target = what === 'folder' ? dirname(path) : path
  if (!existsSync(target))
    return Promise.reject(
      new AppError('NOT_FOUND', `找不到「${basename(target)}」，它可能已被移动或删除`),
    )
  const { cmd, args } = opener(target, env)
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore', windowsHide: true })
    child.once('error', () =>
      fail(
        new AppError(
          'INTERNAL',
          '这台电脑没有可用的打开方式（例如没有安装 Word 或 WPS）。文件已保存在：' + target,
        ),
      ),
    )
    child.once('spawn', () => {
      child.unref()
      done()
    })
  })
}

const SOFFICE_PATHS = [
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/local/bin/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
]

/** LibreOffice's soffice, or null when it is not installed. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.LIANJIAN_SOFFICE !== undefined) return env.LIANJIAN_SOFFICE || null
  const found = SOFFICE_PATHS.find((p) => existsSync(p))
  if (found) return found
  const which = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['soffice'], {
    encoding: 'utf8',
    timeout: 3000,
  })
  const line = which.status === 0 ? which.stdout.split(/\r?\n/)[0]?.trim() : ''
  return line || null
}

const NO_SOFFICE =
  '这台电脑没有安装 LibreOffice，无法直接转成 PDF。请点「打开」用 Word 或 WPS 打开后打印（或另存为 PDF）'

/** Converts a .docx to a PDF beside it (never overwriting); throws when soffice is missing. */
export function convertToPdf(docx: string, timeoutMs = 90_000): string {
  const soffice = findSoffice()
  if (!soffice) throw new AppError('VALIDATION', NO_SOFFICE)
  const work = mkdtempSync(join(tmpdir(), 'lianjian-pdf-'))
  try {
    // A private profile, so a LibreOffice window the user has open does not swallow the job.
    const profile = pathToFileURL(join(work, 'profile')).href
    const input = join(work, `input${extname(docx)}`)
    copyFileSync(docx, input)
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        input,
      ],
      { timeout: timeoutMs, stdio: 'ignore', windowsHide: true },
    )
    const pdf = join(work, 'input.pdf')
    if (r.error && errorCode(r.error) === 'ETIMEDOUT')
      throw new AppError(
        'INTERNAL',
        `转换 PDF 超时（${Math.round(timeoutMs / 1000)} 秒），请用 Word 或 WPS 打开后打印`,
      )
    if (!existsSync(pdf))
      throw new AppError('INTERNAL', 'LibreOffice 没能转换这个文档，请用 Word 或 WPS 打开后打印')
    const base = basename(docx, extname(docx))
    return writeUnique(dirname(docx), base, '.pdf', readFileSync(pdf))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
