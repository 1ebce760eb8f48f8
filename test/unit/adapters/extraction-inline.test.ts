import { isTextOnly } from '../../../src/adapters/extraction/extraction-pool';

const msg = (s: string) => Buffer.from(s.replace(/\n/g, '\r\n'));
const MAX = 128 * 1024;

test('a plain text message, with or without a Content-Type, is read in the main thread', () => {
  expect(isTextOnly(msg('From: a@b.test\nSubject: x\n\nClient Name: A\n'), MAX)).toBe(true);
  expect(isTextOnly(msg('From: a@b.test\nContent-Type: text/plain; charset=utf-8\n\nhi\n'), MAX)).toBe(true);
  expect(isTextOnly(msg('Content-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\nhi\n--b\nContent-Type:\n text/html\n\n<p>hi</p>\n--b--\n'), MAX)).toBe(true);
});

test('anything that may hold an image, a PDF or an attached message goes to a thread', () => {
  expect(isTextOnly(msg('Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nhi\n--b\nContent-Type: image/jpeg\n\nxx\n--b--\n'), MAX)).toBe(false);
  expect(isTextOnly(msg('Content-Type: multipart/mixed; boundary=b\n\n--b\ncontent-type:\n\tapplication/pdf\n\nxx\n--b--\n'), MAX)).toBe(false);
  expect(isTextOnly(msg('Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\n\nxx\n--b--\n'), MAX)).toBe(false);
  expect(isTextOnly(msg('Content-Type: application/octet-stream\n\nxx\n'), MAX)).toBe(false);
  expect(isTextOnly(msg('Content-Type: text/plain\n\nhi\n'), 10)).toBe(false);
  const many = Array.from({ length: 9 }, () => '--b\nContent-Type: text/plain\n\nhi\n').join('');
  expect(isTextOnly(msg(`Content-Type: multipart/mixed; boundary=b\n\n${many}--b--\n`), MAX)).toBe(false);
});
