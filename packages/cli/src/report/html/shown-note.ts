/**
 * The note under a chart that shows only part of its data: `'Showing the 20 largest of 312
 * merchants.'`, or nothing when everything is shown.
 *
 * @param shown - how many are drawn
 * @param total - how many there are
 * @param which - how the shown ones were picked, e.g. 'largest'
 * @param what - a plural noun, e.g. 'merchants'
 * @example
 * shownNote(20, 312, 'largest', 'merchants') // 'Showing the 20 largest of 312 merchants.'
 * shownNote(5, 5, 'largest', 'merchants') // undefined
 */
export function shownNote(shown: number, total: number, which: string, what: string): string | undefined {
  return shown < total ? `Showing the ${shown} ${which} of ${total} ${what}.` : undefined;
}
