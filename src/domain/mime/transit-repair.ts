/**
 * Text bent on its way by gateways and mail clients, put back the way its writer typed it:
 * UTF-8 read as Latin-1 or Windows-1252 ("JosÃ© RamÃ­rez", "itâ€™s", "Â " for a no-break space),
 * quoted-printable left visible by a relay that dropped its header ("=E2=80=99", "=3D", soft line
 * breaks "=" at a line's end), and full-width letters and digits typed in an East Asian input
 * mode ("１２／０３／１９９５"). Each repair runs only on the signs of its own damage. Pure.
 */

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes as UTF-8 text, or null when they are no UTF-8 (the run is left as it was). */
function asUtf8(bytes: Uint8Array): string | null {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** Windows-1252's characters for the bytes 0x80-0x9F (where Latin-1 has control codes). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const BYTE_OF = new Map<string, number>();
for (let b = 0; b < 256; b++) BYTE_OF.set(b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b), b);

/** A UTF-8 sequence's lead byte as Latin-1 (Â-ô), then its continuation bytes as Latin-1 or Windows-1252. */
const CONTINUATION = '[\\u0080-\\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]';
const MOJIBAKE = new RegExp(`[\\u00c2-\\u00df]${CONTINUATION}|[\\u00e0-\\u00ef]${CONTINUATION}{2}|[\\u00f0-\\u00f4]${CONTINUATION}{3}`, 'g');

/** Each run of UTF-8 read one byte a character, decoded again as UTF-8; a run that is no UTF-8 stays. */
function withMojibakeRepaired(text: string): string {
  const runs = text.match(MOJIBAKE);
  // One stray "Ã©" may be a real pair of characters; damage repeats through the text.
  if (runs === null || runs.length < 2) return text;
  return text.replace(MOJIBAKE, (run) => {
    return asUtf8(Uint8Array.from([...run].map((ch) => BYTE_OF.get(ch) ?? 0))) ?? run;
  });
}

/** A visible escape of quoted-printable: "=3D", "=20", or the bytes of a UTF-8 character ("=E2=80=99"). */
const QP_ESCAPE = /=(?:3D|20|09)|(?:=[C-F][0-9A-F](?:=[89AB][0-9A-F]){1,3})/g;

/**
 * Quoted-printable a relay left encoded: soft breaks joined, escapes decoded as UTF-8. Only when
 * the text shows several escapes or soft breaks, never for "dob=11/23/1988" or a URL's "=20".
 */
function withQuotedPrintableDecoded(text: string): string {
  const escapes = text.match(QP_ESCAPE)?.length ?? 0;
  // (A rule of "=====" is no soft break.)
  const softBreaks = text.match(/[^\s=]=\n/g)?.length ?? 0;
  if (escapes < 2 && softBreaks < 2) return text;
  if (escapes + softBreaks < 3) return text;
  return text.replace(/(?<=[^\s=])=\n/g, '').replace(QP_ESCAPE, (run) => {
    return asUtf8(Uint8Array.from(run.slice(1).split('=').map((h) => parseInt(h, 16)))) ?? run;
  });
}

/** Full-width ASCII ("ＩＤ：ＲＧＳ９９１２") and the ideographic space, as the ASCII they stand for. */
function withFullWidthNarrowed(text: string): string {
  if (!/[\uff01-\uff5e\u3000]/.test(text)) return text;
  return text.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export function repairTransitDamage(text: string): string {
  return withFullWidthNarrowed(withMojibakeRepaired(withQuotedPrintableDecoded(text)));
}
