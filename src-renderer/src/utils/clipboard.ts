// Copy text for the user to paste elsewhere. The async Clipboard API needs a secure context and
// (in the desktop window) the clipboard-write permission; the textarea route is the fallback.
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    const area = document.createElement('textarea')
    area.value = text
    document.body.appendChild(area)
    area.select()
    document.execCommand('copy')
    area.remove()
  }
}
