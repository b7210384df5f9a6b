/**
 * Terminal display width of text: East Asian wide and fullwidth characters (CJK ideographs,
 * kana, hangul, fullwidth forms, most emoji) take two columns, combining marks and zero-width
 * characters none, everything else one. ANSI colour sequences take no room.
 */

// Inclusive code point ranges of East Asian Width W and F (Unicode 15, UAX #11), merged.
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f260, 0x1f265],
  [0x1f300, 0x1f320],
  [0x1f32d, 0x1f335],
  [0x1f337, 0x1f37c],
  [0x1f37e, 0x1f393],
  [0x1f3a0, 0x1f3ca],
  [0x1f3cf, 0x1f3d3],
  [0x1f3e0, 0x1f3f0],
  [0x1f3f4, 0x1f3f4],
  [0x1f3f8, 0x1f43e],
  [0x1f440, 0x1f440],
  [0x1f442, 0x1f4fc],
  [0x1f4ff, 0x1f53d],
  [0x1f54b, 0x1f54e],
  [0x1f550, 0x1f567],
  [0x1f57a, 0x1f57a],
  [0x1f595, 0x1f596],
  [0x1f5a4, 0x1f5a4],
  [0x1f5fb, 0x1f64f],
  [0x1f680, 0x1f6c5],
  [0x1f6cc, 0x1f6cc],
  [0x1f6d0, 0x1f6d2],
  [0x1f6d5, 0x1f6d7],
  [0x1f6dc, 0x1f6df],
  [0x1f6eb, 0x1f6ec],
  [0x1f6f4, 0x1f6fc],
  [0x1f7e0, 0x1f7eb],
  [0x1f7f0, 0x1f7f0],
  [0x1f90c, 0x1f93a],
  [0x1f93c, 0x1f945],
  [0x1f947, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

// Control characters, combining marks, zero-width spaces and joiners, variation selectors.
const ZERO_WIDTH_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x0300, 0x036f],
  [0x200b, 0x200f],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0100, 0xe01ef],
];
// CSI and OSC escape sequences (colours, hyperlinks).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escapes is the point
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/**
 * Whether a code point is East Asian wide or fullwidth (takes two terminal columns).
 *
 * @example
 * isWideCodePoint('动'.codePointAt(0)!) // true
 * isWideCodePoint('A'.codePointAt(0)!) // false
 */
export function isWideCodePoint(codePoint: number): boolean {
  return codePoint >= 0x1100 && inRanges(codePoint, WIDE_RANGES);
}

/**
 * The columns one code point takes: 0 (controls, combining marks, zero-width characters),
 * 2 (East Asian wide and fullwidth) or 1.
 *
 * @example
 * codePointWidth(0x52a8) // 2 ('动')
 */
export function codePointWidth(codePoint: number): 0 | 1 | 2 {
  if (inRanges(codePoint, ZERO_WIDTH_RANGES)) return 0;
  return isWideCodePoint(codePoint) ? 2 : 1;
}

function inRanges(codePoint: number, ranges: readonly (readonly [number, number])[]): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const [start, end] = ranges[middle]!;
    if (codePoint < start) high = middle - 1;
    else if (codePoint > end) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * Removes ANSI escape sequences (colours, hyperlinks) from text.
 *
 * @example
 * stripAnsi('\u001b[1mbold\u001b[22m') // 'bold'
 */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/**
 * The number of terminal columns text takes: wide characters count 2, combining marks and
 * escape sequences 0.
 *
 * @example
 * displayWidth('动销率') // 6
 * displayWidth('¥166.67') // 7
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of stripAnsi(text)) width += codePointWidth(char.codePointAt(0)!);
  return width;
}

/**
 * Pads text with spaces to a display width, on the right (`'left'` alignment) or on the left
 * (`'right'`). Text already that wide or wider is returned unchanged.
 *
 * @example
 * padToWidth('华东', 6) // '华东  '
 * padToWidth('42', 5, 'right') // '   42'
 */
export function padToWidth(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const room = width - displayWidth(text);
  if (room <= 0) return text;
  const padding = ' '.repeat(room);
  return align === 'right' ? padding + text : text + padding;
}

/**
 * Cuts text to at most `width` columns, ending with `…` when something was cut. Escape
 * sequences are removed from cut text.
 *
 * @example
 * truncateToWidth('supply-platform', 8) // 'supply-…'
 */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  for (const char of stripAnsi(text)) {
    const w = codePointWidth(char.codePointAt(0)!);
    if (used + w > width - 1) break;
    out += char;
    used += w;
  }
  return `${out}…`;
}

/**
 * Wraps text at spaces into lines of at most `width` columns (a longer word stays whole).
 *
 * @example
 * wrapText('split a shipping bill to the cent', 12) // ['split a', 'shipping', 'bill to the', 'cent']
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (current === '') current = word;
    else if (displayWidth(current) + 1 + displayWidth(word) <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}
