// The searched words inside a cell's text, so the list can mark why a row matched. Pinyin
// matches (「lzh」 for 李志红) have nothing literal to mark and come back as one plain part.
export interface TextPart {
  text: string
  hit: boolean
}

export function highlightParts(text: string, query: string): TextPart[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length || !text) return [{ text, hit: false }]
  const lower = text.toLowerCase()
  const out: TextPart[] = []
  let i = 0
  while (i < text.length) {
    // The earliest (then longest) word found from here.
    let at = -1
    let len = 0
    for (const w of words) {
      const j = lower.indexOf(w, i)
      if (j !== -1 && (at === -1 || j < at || (j === at && w.length > len))) {
        at = j
        len = w.length
      }
    }
    if (at === -1) {
      out.push({ text: text.slice(i), hit: false })
      break
    }
    if (at > i) out.push({ text: text.slice(i, at), hit: false })
    out.push({ text: text.slice(at, at + len), hit: true })
    i = at + len
  }
  return out
}
