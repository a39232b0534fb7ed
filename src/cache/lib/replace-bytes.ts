/** `bytes` with every occurrence of `needle` replaced (paths inside binary
 * files such as .pyc: no decoding, so no byte is changed but the needle's). */
export function replaceBytes(bytes: Buffer, needle: Buffer, replacement: Buffer): Buffer {
  const parts: Buffer[] = []
  let start = 0
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, start)) {
    parts.push(bytes.subarray(start, at), replacement)
    start = at + needle.length
  }
  parts.push(bytes.subarray(start))
  return Buffer.concat(parts)
}
