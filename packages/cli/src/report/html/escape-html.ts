/**
 * Text made safe for HTML and SVG, in element content and in quoted attribute values: the five
 * characters with a meaning there (`&`, `<`, `>`, `"`, `'`) become entities. Every string of the
 * report's model goes through it, so a name such as `<script>` shows as text.
 *
 * @param text - any text
 * @returns the escaped text
 * @example
 * escapeHtml('<b>"A&B"</b>') // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
