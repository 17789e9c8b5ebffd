// The app's only logger. Callers pass fixed wording plus codes and ids — never names, phones,
// ID numbers or free text from the registers.
type Level = 'info' | 'warn' | 'error'

let quiet = false

export function setQuietLog(value: boolean): void {
  quiet = value
}

function write(level: Level, message: string): void {
  if (quiet && level !== 'error') return
  const line = `[${new Date().toISOString()}] ${level.toUpperCase()} ${message}`
  if (level === 'info') console.log(line)
  else console.error(line)
}

export const log = {
  info: (m: string) => write('info', m),
  warn: (m: string) => write('warn', m),
  error: (m: string) => write('error', m),
}
