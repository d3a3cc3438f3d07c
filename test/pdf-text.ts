import { extractText } from 'unpdf';
import { expect } from 'vitest';

/** The text of a PDF, lines joined by spaces, so a sentence wrapped over two lines reads whole. */
export async function pdfText(body: Buffer): Promise<string> {
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  const { text } = await extractText(new Uint8Array(body), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}
