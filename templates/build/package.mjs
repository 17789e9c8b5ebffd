// The .docx package around a template's body: footers with the page number, section
// properties, font table, styles, settings and the fixed parts, with a fixed timestamp.
import PizZip from 'pizzip'
import { esc, FONTS, fontXml, PORTRAIT, run, SIZE } from './ooxml.mjs'

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

const PAGE_FIELD = (size) =>
  `<w:r><w:rPr>${fontXml('song')}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>` +
  `<w:r><w:rPr>${fontXml('song')}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
  `<w:r><w:rPr>${fontXml('song')}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r>` +
  `<w:r><w:rPr>${fontXml('song')}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:t>1</w:t></w:r>` +
  `<w:r><w:rPr>${fontXml('song')}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>`

/** "— 1 —" in 4号宋体: odd pages right, even pages left, one character in (GB/T 9704 §7.5). */
function footer(align) {
  const size = SIZE.si
  const dash = (t) => run(t, { font: 'song', size })
  const ind =
    align === 'right'
      ? '<w:ind w:right="280" w:rightChars="100"/>'
      : align === 'left'
        ? '<w:ind w:left="280" w:leftChars="100"/>'
        : ''
  return `<w:ftr ${NS}><w:p><w:pPr><w:pStyle w:val="Footer"/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${ind}<w:jc w:val="${align}"/></w:pPr>${dash('— ')}${PAGE_FIELD(size)}${dash(' —')}</w:p></w:ftr>`
}

function sectPr(page, oddEven) {
  const refs = oddEven
    ? '<w:footerReference w:type="default" r:id="rIdFtrOdd"/><w:footerReference w:type="even" r:id="rIdFtrEven"/>'
    : '<w:footerReference w:type="default" r:id="rIdFtrOdd"/>'
  const grid = page.grid
    ? `<w:docGrid w:type="lines" w:linePitch="${page.grid.linePitch}"/>`
    : '<w:docGrid w:linePitch="312"/>'
  return `<w:sectPr>${refs}<w:pgSz w:w="${page.w}" w:h="${page.h}"${page.orient ? ` w:orient="${page.orient}"` : ''}/><w:pgMar w:top="${page.top}" w:right="${page.right}" w:bottom="${page.bottom}" w:left="${page.left}" w:header="851" w:footer="${page.footer}" w:gutter="0"/><w:cols w:space="425"/>${grid}</w:sectPr>`
}

function fontTable() {
  const fonts = Object.values(FONTS)
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:panose1 w:val="${f.panose}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.family === 'modern' ? 'fixed' : 'variable'}"/></w:font>`,
    )
    .join('')
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts ${NS}>${fonts}<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`
}

function styles() {
  const f = FONTS.fangsong.name
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}"/><w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/><w:jc w:val="both"/></w:pPr><w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}"/><w:kern w:val="2"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4153"/><w:tab w:val="right" w:pos="8306"/></w:tabs><w:snapToGrid w:val="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`
}

function settings(oddEven) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings ${NS}><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>${oddEven ? '<w:evenAndOddHeaders/>' : ''}<w:drawingGridVerticalSpacing w:val="290"/><w:displayHorizontalDrawingGridEvery w:val="0"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/><w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/><w:useFELayout/><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>`
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`

const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdFtrOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFtrEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>`

// A fixed timestamp keeps the committed .docx files byte-identical between rebuilds.
const STAMP = '2026-01-01T00:00:00Z'

function core(title) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(title)}</dc:title><dc:creator>联建通</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${STAMP}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${STAMP}</dcterms:modified></cp:coreProperties>`
}

const APP = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>联建通</Application></Properties>`

/** The whole package as a Buffer. page: PORTRAIT or LANDSCAPE; body: paragraph/table XML. */
export function docx({ title, page, body }) {
  const oddEven = page === PORTRAIT
  const zip = new PizZip()
  const date = new Date(STAMP)
  const add = (name, text) => zip.file(name, text, { date })
  add('[Content_Types].xml', CONTENT_TYPES)
  add('_rels/.rels', ROOT_RELS)
  add('docProps/core.xml', core(title))
  add('docProps/app.xml', APP)
  add('word/_rels/document.xml.rels', DOC_RELS)
  add(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body.join('')}${sectPr(page, oddEven)}</w:body></w:document>`,
  )
  add('word/styles.xml', styles())
  add('word/settings.xml', settings(oddEven))
  add('word/fontTable.xml', fontTable())
  add('word/footer1.xml', footer(oddEven ? 'right' : 'center'))
  add('word/footer2.xml', footer('left'))
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' })
}
