// The type of an upload comes from its first bytes, never from its name or the browser's claim; the name
// kept is safe to show and to send back in a header.
import { describe, expect, it } from 'vitest';
import { cleanFilename, detectType } from './attachments.service.ts';

const pad = (head: number[] | string) =>
  Buffer.concat([
    typeof head === 'string' ? Buffer.from(head, 'latin1') : Buffer.from(head),
    Buffer.alloc(32),
  ]);

describe('detectType', () => {
  it.each([
    ['%PDF-1.7', 'application/pdf'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
    [[0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    ['RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'image/webp'],
  ] as const)('when the file starts like %j, then it is %s', (head, type) => {
    expect(detectType(pad(head as number[] | string))?.type).toBe(type);
  });

  it.each([
    ['<html><script>', 'HTML'],
    ['GIF89a', 'GIF'],
    ['PK\u0003\u0004', 'a zip or Office file'],
    ['RIFF\u0000\u0000\u0000\u0000WAVE', 'a WAV sound'],
  ])('when the file starts with %j (%s), then it is refused', (head) => {
    expect(detectType(pad(head))).toBeUndefined();
  });

  it('when the file is shorter than a signature needs, then it is refused', () => {
    expect(detectType(Buffer.from('%PDF-'))).toBeUndefined();
  });
});

describe('cleanFilename', () => {
  it('when the name carries a path, quotes or control characters, then they become underscores and the extension is the detected one', () => {
    expect(cleanFilename('../../etc/passwd', 'pdf')).toBe('.._.._etc_passwd.pdf');
    expect(cleanFilename('Accordo "firmato"\r\n.exe', 'pdf')).toBe('Accordo _firmato___.pdf');
    expect(cleanFilename('foto.JPG', 'jpg')).toBe('foto.jpg');
    expect(cleanFilename('', 'png')).toBe('file.png');
    expect(cleanFilename('Città di Dakar.pdf', 'pdf')).toBe('Città di Dakar.pdf');
  });
});
