// Characters XML 1.0 forbids anywhere, even escaped: C0 controls other than
// tab, newline and carriage return, lone surrogates, U+FFFE/U+FFFF.
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escapes text content; command output may hold anything, so characters
 * XML cannot carry become U+FFFD. */
export function escapeXmlText(value: string): string {
  return value.replace(forbidden, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Escapes an attribute value for double quotes; line breaks and tabs are
 * kept as character references so parsers do not normalise them away. */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
}
