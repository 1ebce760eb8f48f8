/**
 * Which rendering of a multipart/alternative body to read. The plain part is the sender's own
 * text and is preferred; but some clients flatten an HTML table or form into a few run-together
 * lines ("Client Name Tamsin Reedy Date of Birth 10/09/1979 Street ..."), losing what separated
 * labels from values. Then the HTML, rendered with its rows and cells kept, is read instead.
 */

function nonBlankLines(text: string): number {
  return text.split('\n').filter((l) => l.trim().length > 0).length;
}

function tabbedLines(text: string): number {
  return text.split('\n').filter((l) => l.includes('\t')).length;
}

/**
 * Tabbed rows narrower than the widest row of their block: the cells a table's colspan and
 * rowspan covered, which a plain rendering drops (so later cells slide under the wrong heading).
 */
function raggedRows(text: string): number {
  let ragged = 0;
  let block: number[] = [];
  const close = (): void => {
    const widest = Math.max(0, ...block);
    ragged += block.filter((n) => n < widest).length;
    block = [];
  };
  for (const line of text.split('\n')) {
    if (line.includes('\t')) block.push(line.split('\t').length);
    else close();
  }
  close();
  return ragged;
}

export function chooseBodyText(plain: string, htmlText: string, htmlHasStrikes = false): string {
  if (plain.trim().length === 0) return htmlText;
  if (htmlText.trim().length === 0) return plain;
  // Values struck out in the HTML ("<s>4/12/1988</s> 4/21/1988"): the plain part keeps both, as if neither were withdrawn.
  if (htmlHasStrikes) return htmlText;
  const plainLines = nonBlankLines(plain);
  const htmlLines = nonBlankLines(htmlText);
  // Rows and cells the plain part lost: many more lines, or table rows where it has none.
  if (htmlLines >= plainLines * 1.5 + 3) return htmlText;
  if (tabbedLines(htmlText) >= 3 && tabbedLines(plain) === 0 && htmlLines > plainLines) return htmlText;
  // A table with spanned cells: the HTML keeps each cell under its heading, the plain part does not.
  if (tabbedLines(plain) >= 3 && tabbedLines(htmlText) >= tabbedLines(plain) && raggedRows(htmlText) < raggedRows(plain)) return htmlText;
  return plain;
}
