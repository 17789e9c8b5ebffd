// Small OOXML writer for the built-in templates: paragraphs, runs, tables and the page layouts
// of GB/T 9704 (A4, 37/35/28/26 mm margins, 22 lines × 28 characters); package.mjs wraps a
// body into a .docx.

/** Twips per millimetre. */
const MM = 1440 / 25.4
export const mm = (v) => Math.round(v * MM)

// Fonts with the fallback Word and WPS use when the GB2312 cut is not installed (altName),
// declared in the font table; LibreOffice substitutes through fontconfig.
export const FONTS = {
  fangsong: { name: '仿宋_GB2312', alt: '仿宋', family: 'modern', panose: '02010609030101010101' },
  kaiti: { name: '楷体_GB2312', alt: '楷体', family: 'modern', panose: '02010609030101010101' },
  heiti: { name: '黑体', alt: 'SimHei', family: 'modern', panose: '02010609060101010101' },
  song: { name: '宋体', alt: 'SimSun', family: 'auto', panose: '02010600030101010101' },
  xbs: { name: '方正小标宋简体', alt: '宋体', family: 'script', panose: '02000000000000000000' },
}

/** Half-point sizes of the Chinese type sizes used here. */
export const SIZE = { er: 44, xiaoer: 36, san: 32, si: 28, xiaosi: 24, wu: 21 }
export const RED = 'E60012'

export function esc(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

export function fontXml(key) {
  const f = FONTS[key]
  return `<w:rFonts w:ascii="${f.name}" w:hAnsi="${f.name}" w:eastAsia="${f.name}" w:cs="${f.name}" w:hint="eastAsia"/>`
}

// 28 characters of 3号 on the 156 mm line: each character is drawn 0.25 pt narrower. (A
// linesAndChars grid with a negative charSpace does the same in Word, but LibreOffice then
// spreads every character over two grid cells.)
const spacing = (o) => o.spacing ?? ((o.size ?? SIZE.san) === SIZE.san ? -5 : 0)

/** A run: text (may hold {tags}) with font key, half-point size, bold, colour. */
export function run(text, o = {}) {
  const props = [
    fontXml(o.font ?? 'fangsong'),
    o.bold ? '<w:b/><w:bCs/>' : '',
    o.color ? `<w:color w:val="${o.color}"/>` : '',
    spacing(o) ? `<w:spacing w:val="${spacing(o)}"/>` : '',
    `<w:sz w:val="${o.size ?? SIZE.san}"/><w:szCs w:val="${o.size ?? SIZE.san}"/>`,
  ].join('')
  const t = String(text)
    .split('\n')
    .map((line) => `<w:t xml:space="preserve">${esc(line)}</w:t>`)
    .join('<w:br/>')
  return `<w:r><w:rPr>${props}</w:rPr>${t}</w:r>`
}

/**
 * A paragraph. runs: array of run() strings or one plain string (set in the body font).
 * o.align: left|center|right|both; o.indent: first-line characters; o.hanging/o.left in
 * characters (of o.charTwips, default the 16 pt body); o.line: exact line height in twips
 * (default the 29 pt grid pitch); o.before/o.after: twips; o.grid: false leaves the grid.
 */
export function para(runs, o = {}) {
  const size = o.size ?? SIZE.san
  const body = Array.isArray(runs)
    ? runs.join('')
    : run(runs, { size, font: o.font, bold: o.bold, color: o.color })
  const ch = o.charTwips ?? size * 10
  const ind = []
  // A 3号 line holds exactly 28 characters; a 、，。 that falls 29th hangs into the margin, and
  // LibreOffice drops a hanging mark unless the paragraph reaches a little past the right
  // edge. 5 pt is less than the 15.75 pt of a character, so lines still hold 28.
  const hang = size === SIZE.san && (o.align ?? 'both') !== 'center' && o.align !== 'right'
  if (o.right === undefined && hang && o.hangFix !== false) ind.push('w:right="-100"')
  if (o.left) ind.push(`w:left="${Math.round(o.left * ch)}" w:leftChars="${o.left * 100}"`)
  if (o.right) ind.push(`w:right="${Math.round(o.right * ch)}" w:rightChars="${o.right * 100}"`)
  if (o.hanging)
    ind.push(`w:hanging="${Math.round(o.hanging * ch)}" w:hangingChars="${o.hanging * 100}"`)
  else if (o.indent)
    ind.push(`w:firstLine="${Math.round(o.indent * ch)}" w:firstLineChars="${o.indent * 100}"`)
  const line = o.line ?? 579
  const pPr = [
    o.style ? `<w:pStyle w:val="${o.style}"/>` : '',
    o.keepNext ? '<w:keepNext/>' : '',
    o.pageBreakBefore ? '<w:pageBreakBefore/>' : '',
    o.frameBottom
      ? `<w:framePr w:w="${o.frameBottom}" w:hSpace="0" w:vSpace="0" w:wrap="notBeside" w:vAnchor="margin" w:hAnchor="margin" w:xAlign="center" w:yAlign="bottom"/>`
      : '',
    o.borders
      ? `<w:pBdr>${Object.entries(o.borders)
          .map(
            ([side, sz]) => `<w:${side} w:val="single" w:sz="${sz}" w:space="1" w:color="000000"/>`,
          )
          .join('')}</w:pBdr>`
      : '',
    o.tabs
      ? `<w:tabs>${o.tabs.map((t) => `<w:tab w:val="${t.val}" w:pos="${t.pos}"/>`).join('')}</w:tabs>`
      : '',
    o.grid === false ? '<w:snapToGrid w:val="0"/>' : '',
    `<w:spacing w:before="${o.before ?? 0}" w:after="${o.after ?? 0}" w:line="${line}" w:lineRule="${o.lineRule ?? 'exact'}"/>`,
    ind.length ? `<w:ind ${ind.join(' ')}/>` : '',
    `<w:jc w:val="${o.align ?? 'both'}"/>`,
    `<w:rPr>${fontXml(o.font ?? 'fangsong')}${size === SIZE.san ? '<w:spacing w:val="-5"/>' : ''}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr>`,
  ].join('')
  return `<w:p><w:pPr>${pPr}</w:pPr>${body}</w:p>`
}

/** A tab character (for a right tab stop). */
export const tab = () => '<w:r><w:tab/></w:r>'

/** An empty line on the grid. */
export const blank = (o = {}) => para([], o)

const border = (sz, color = '000000') =>
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((s) => `<w:${s} w:val="single" w:sz="${sz}" w:space="0" w:color="${color}"/>`)
    .join('')

/**
 * A table. cols: widths in twips; rows: arrays of cells, each { text | runs, align, font,
 * bold, span, vmerge: 'restart'|'continue', paras }. o.header: the first row repeats on
 * every page; o.rowHeight: minimum row height (twips); o.size: half-points; o.borders: false
 * for layout tables; o.keepTogether: a short table that must not break across a page (every row
 * but the last keeps with the next, which Word and LibreOffice both honour).
 */
export function table(cols, rows, o = {}) {
  const size = o.size ?? SIZE.xiaosi
  const total = cols.reduce((a, b) => a + b, 0)
  const tblPr = [
    `<w:tblW w:w="${total}" w:type="dxa"/>`,
    `<w:jc w:val="${o.align ?? 'center'}"/>`,
    o.borders === false
      ? '<w:tblBorders>' +
        ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
          .map((s) => `<w:${s} w:val="nil"/>`)
          .join('') +
        '</w:tblBorders>'
      : `<w:tblBorders>${border(o.borderSize ?? 6)}</w:tblBorders>`,
    '<w:tblLayout w:type="fixed"/>',
    `<w:tblCellMar><w:top w:w="${o.padV ?? 30}" w:type="dxa"/><w:left w:w="${o.padH ?? 68}" w:type="dxa"/><w:bottom w:w="${o.padV ?? 30}" w:type="dxa"/><w:right w:w="${o.padH ?? 68}" w:type="dxa"/></w:tblCellMar>`,
  ].join('')
  const grid = cols.map((w) => `<w:gridCol w:w="${w}"/>`).join('')
  const trs = rows.map((cells, r) => {
    const height = (Array.isArray(o.rowHeight) ? o.rowHeight[r] : o.rowHeight) ?? 0
    const trPr = [
      o.header && r === 0 ? '<w:tblHeader/>' : '',
      // A row taller than a page must be allowed to split, or its end is cut off.
      o.cantSplit === false && !(o.header && r === 0) ? '' : '<w:cantSplit/>',
      height
        ? `<w:trHeight w:val="${height}" w:hRule="${(Array.isArray(o.exact) ? o.exact[r] : o.exact) ? 'exact' : 'atLeast'}"/>`
        : '',
      o.align === 'right' || o.align === 'center' ? `<w:jc w:val="${o.align}"/>` : '',
    ].join('')
    let c = 0
    const tcs = cells.map((cell) => {
      const span = cell.span ?? 1
      const w = cols.slice(c, c + span).reduce((a, b) => a + b, 0)
      c += span
      const tcPr = [
        `<w:tcW w:w="${w}" w:type="dxa"/>`,
        span > 1 ? `<w:gridSpan w:val="${span}"/>` : '',
        cell.vmerge ? `<w:vMerge w:val="${cell.vmerge}"/>` : '',
        `<w:vAlign w:val="${cell.valign ?? o.valign ?? 'center'}"/>`,
      ].join('')
      const paras =
        cell.paras ??
        (cell.vmerge === 'continue'
          ? [para([], { size, grid: false, line: cell.line ?? o.line ?? size * 14 })]
          : [
              para(
                cell.runs ?? [
                  run(cell.text ?? '', {
                    size,
                    font: cell.font ?? (o.header && r === 0 ? 'heiti' : 'fangsong'),
                    bold: cell.bold,
                  }),
                ],
                {
                  size,
                  align: cell.align ?? 'center',
                  grid: false,
                  line: cell.line ?? o.line ?? Math.round(size * 14),
                  indent: cell.indent,
                  hangFix: false,
                  keepNext: o.keepTogether && r < rows.length - 1,
                },
              ),
            ])
      return `<w:tc><w:tcPr>${tcPr}</w:tcPr>${paras.join('')}</w:tc>`
    })
    return `<w:tr><w:trPr>${trPr}</w:trPr>${tcs.join('')}</w:tr>`
  })
  return `<w:tbl><w:tblPr>${tblPr}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${trs.join('')}</w:tbl>`
}

/** A horizontal rule as a paragraph border (the red line under a 纪要 head, 版记 lines). */
export function rule(o = {}) {
  const side = o.side ?? 'bottom'
  return `<w:p><w:pPr><w:pBdr><w:${side} w:val="single" w:sz="${o.sz ?? 12}" w:space="1" w:color="${o.color ?? '000000'}"/></w:pBdr><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="${o.line ?? 240}" w:lineRule="exact"/><w:rPr><w:sz w:val="8"/></w:rPr></w:pPr></w:p>`
}

export const PORTRAIT = {
  w: 11906,
  h: 16838,
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  // The footer's line box starts 7 mm below the text block (§7.5): 297 − 35 − 7 − 6.4 mm.
  footer: mm(21.6),
  grid: { linePitch: 579 },
}
/** Wide rosters: landscape A4, narrower side margins so the street's 15 columns fit. */
export const LANDSCAPE = {
  w: 16838,
  h: 11906,
  orient: 'landscape',
  top: mm(22),
  bottom: mm(22),
  left: mm(15),
  right: mm(15),
  footer: mm(10),
  grid: null,
}

/** Text width of a page layout in twips. */
export const textWidth = (page) => page.w - page.left - page.right
