// The document check's printer: LibreOffice turns .docx files into PDFs (several in one call,
// with the serif fonts of test/print/fonts.conf), poppler reads back the words with their
// boxes (pdftotext -bbox) and the rules as dark pixel rows (pdftoppm).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

export const INSTALL =
  'apt-get update && apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-arphic-gkai00mp fonts-arphic-gbsn00lp'

const FONTS_CONF = resolve('test/print/fonts.conf')
/** Points per millimetre. */
export const PT = 72 / 25.4

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0
}

/** Fails (never skips) with the exact command when a tool or font is missing. */
export function requirePrintTools(): void {
  const fonts = spawnSync('fc-list', [':family=AR PL KaitiM GB', 'family'], { encoding: 'utf8' })
  const missing = [
    has('soffice') ? '' : 'soffice',
    has('pdftotext') && has('pdftoppm') ? '' : 'pdftotext/pdftoppm',
    (fonts.stdout ?? '').trim() ? '' : 'AR PL fonts',
  ].filter(Boolean)
  if (missing.length) {
    throw new Error(
      `文档打印检查需要 LibreOffice、poppler 和中文衬线字体（缺少：${missing.join('、')}）。` +
        `请先运行（需要管理员权限）：sudo sh -c '${INSTALL}'，或用 npm test（以 root 运行时自动安装）`,
    )
  }
}

/** Converts every .docx to a PDF in outDir in one soffice run; returns the PDF paths. */
export function toPdf(docxFiles: string[], outDir: string): string[] {
  mkdirSync(outDir, { recursive: true })
  const profile = pathToFileURL(join(outDir, '.lo-profile')).href
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...docxFiles,
    ],
    {
      encoding: 'utf8',
      timeout: 170_000,
      env: { ...process.env, FONTCONFIG_FILE: FONTS_CONF, SAL_USE_VCLPLUGIN: 'svp' },
    },
  )
  const pdfs = docxFiles.map((f) => join(outDir, `${basename(f, '.docx')}.pdf`))
  const lost = pdfs.filter((p) => !existsSync(p))
  if (r.status !== 0 || lost.length)
    throw new Error(`soffice failed (${r.status}): ${r.stderr} ${lost.join(', ')}`)
  return pdfs
}

export interface Word {
  text: string
  /** Millimetres from the page's top-left corner. */
  x0: number
  y0: number
  x1: number
  y1: number
}
export interface Page {
  width: number
  height: number
  words: Word[]
  /** The page's words joined, without spaces (pdftotext's reading order). */
  text: string
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** Pages with their words in millimetres. */
export function readPdf(pdf: string): Page[] {
  const r = spawnSync('pdftotext', ['-bbox', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`)
  const mm = (v: string) => Number(v) / PT
  const pages: Page[] = []
  for (const m of r.stdout.matchAll(
    /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g,
  )) {
    const words = [
      ...(m[3] ?? '').matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((w) => ({
      text: unescape(w[5] ?? ''),
      x0: mm(w[1] ?? ''),
      y0: mm(w[2] ?? ''),
      x1: mm(w[3] ?? ''),
      y1: mm(w[4] ?? ''),
    }))
    pages.push({
      width: mm(m[1] ?? ''),
      height: mm(m[2] ?? ''),
      words,
      text: words.map((w) => w.text).join(''),
    })
  }
  return pages
}

/**
 * Horizontal rules on a page: rows of dark pixels covering at least minShare of the page
 * width, as [top, bottom] in millimetres (rendered at 150 dpi, about 0.17 mm a pixel).
 */
export function pageRules(pdf: string, page: number, minShare = 0.5): [number, number][] {
  const dpi = 150
  const r = spawnSync(
    'pdftoppm',
    ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), pdf],
    { maxBuffer: 64 * 1024 * 1024 },
  )
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${String(r.stderr)}`)
  const buf = r.stdout as Buffer
  // P5 header: magic, width, height, maxval, each followed by whitespace.
  const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'))
  if (!head) throw new Error('pdftoppm: not a PGM image')
  const w = Number(head[1])
  const h = Number(head[2])
  const data = buf.subarray(head[0].length)
  const rules: [number, number][] = []
  let start = -1
  for (let y = 0; y <= h; y++) {
    let dark = 0
    if (y < h) for (let x = 0; x < w; x++) if ((data[y * w + x] ?? 255) < 128) dark++
    const on = y < h && dark >= w * minShare
    if (on && start < 0) start = y
    if (!on && start >= 0) {
      rules.push([(start * 25.4) / dpi, (y * 25.4) / dpi])
      start = -1
    }
  }
  return rules
}

/** Text without any white space, for comparing what went in with what was printed. */
export const squeeze = (s: string) => s.replace(/[\s\u200b\u2060\u00a0\u3000]+/g, '')

export const readBuffer = (p: string) => readFileSync(p)
