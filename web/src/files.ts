/** The text of a file a user chose: UTF-8, or else the Central European code page that older Serbian spreadsheets were saved in. */
export function decodeText(bytes: ArrayBuffer): { text: string; encoding?: string } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder('windows-1250').decode(bytes), encoding: 'windows-1250' };
  }
}
