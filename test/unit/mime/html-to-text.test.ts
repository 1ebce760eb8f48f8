import { decodeEntities, htmlToText } from '../../../src/domain/mime/html-to-text';

describe('htmlToText', () => {
  it('joins table cells with a tab, one row per line, ignoring paragraphs inside cells', () => {
    const html = '<table><tr><td><p class=MsoNormal><b>Client Name</b></p></td><td><p>Jane&nbsp;Doe</p></td></tr><tr><td>DOB</td><td>01/02/1990</td></tr></table>';
    expect(htmlToText(html)).toBe('Client Name\tJane Doe\nDOB\t01/02/1990');
  });
  it('keeps empty cells so columns line up with the header', () => {
    expect(htmlToText('<table><tr><th>Name</th><th>DOB</th><th>Ins</th></tr><tr><td>A B</td><td></td><td>Aetna</td></tr></table>')).toBe('Name\tDOB\tIns\nA B\t\tAetna');
  });
  it('keeps a record row on one line when a cell breaks its text (an address over two lines)', () => {
    const html = '<table><tr><th>Name</th><th>Address</th><th>Plan</th></tr>'
      + '<tr><td>Ana Ruiz</td><td>4 Elm St, Unit 2<br>Reno, NV 89501</td><td>Aetna</td></tr>'
      + '<tr><td>Bo Li</td><td><p>9 Oak Rd</p><p>Provo, UT 84601</p></td><td>Cigna</td></tr></table>';
    expect(htmlToText(html)).toBe('Name\tAddress\tPlan\nAna Ruiz\t4 Elm St, Unit 2, Reno, NV 89501\tAetna\nBo Li\t9 Oak Rd, Provo, UT 84601\tCigna');
  });
  it('still breaks lines inside two-cell forms and layout cells that hold a nested table', () => {
    expect(htmlToText('<table><tr><td>Address</td><td>4 Elm St<br>Reno, NV 89501</td></tr></table>')).toBe('Address\t4 Elm St\nReno, NV 89501');
    const layout = '<table><tr><td>logo</td><td>Name: Ana<br>DOB: 1/2/90</td><td><table><tr><td>x</td></tr></table></td></tr></table>';
    expect(htmlToText(layout)).toMatch(/\nDOB: 1\/2\/90\t/);
  });
  it('breaks lines at br, p, div and li, with blank lines from empty blocks', () => {
    expect(htmlToText('<div>Hi,</div><div><br></div><div>Name: Jane</div><ul><li>DOB: 1/2/90</li><li>Ins: Aetna</li></ul>')).toBe('Hi,\n\nName: Jane\nDOB: 1/2/90\nIns: Aetna');
    expect(htmlToText('<p>One</p><p>&nbsp;</p><p>Two</p>')).toBe('One\n\nTwo');
  });
  it('drops style, script, head and comments; decodes entities', () => {
    const html = '<html><head><title>t</title><style>p{x:y}</style></head><body><!-- c --><script>var a="<p>";</script><p>A &amp; B &#8211; &eacute;&#x41;</p></body></html>';
    expect(htmlToText(html)).toBe('A & B – éA');
  });
  it('prefixes blockquote lines with "> " per level', () => {
    const html = '<div>New</div><div class="gmail_quote">On Mon, Jan 1, 2024 Bob wrote:<blockquote>Name: Old<br>DOB: 1/1/80<blockquote>older</blockquote></blockquote></div>';
    expect(htmlToText(html)).toBe('New\nOn Mon, Jan 1, 2024 Bob wrote:\n> Name: Old\n> DOB: 1/1/80\n> > older');
  });
  it('keeps Outlook reply headers as text lines', () => {
    const html = '<div style="border-top:solid #E1E1E1 1.0pt"><p><b>From:</b> Jane &lt;j@x.test&gt;<br><b>Sent:</b> Monday<br><b>Subject:</b> VOB</p></div><p>Name: X</p>';
    expect(htmlToText(html)).toBe('From: Jane <j@x.test>\nSent: Monday\nSubject: VOB\nName: X');
  });
  it('treats a stray < as text and survives unterminated markup', () => {
    expect(htmlToText('a < b <p>c')).toBe('a < b\nc');
    expect(htmlToText('<p>x<!-- never closed')).toBe('x');
    expect(htmlToText('<p title="unterminated>y')).toBe('y');
  });
  it('runs in linear time on hostile input', () => {
    const hostile = '<div '.repeat(100000) + '"'.repeat(5000) + '<a'.repeat(50000) + '&'.repeat(50000) + '<table><tr><td>'.repeat(20000);
    const start = Date.now();
    htmlToText(hostile);
    expect(Date.now() - start).toBeLessThan(2000);
  });
  it('decodes named, decimal and hex references and leaves unknown ones', () => {
    expect(decodeEntities('&lt;&gt;&quot;&#39;&#x27;&bogus;&amp')).toBe('<>"\'\'&bogus;&');
  });
});

describe('what a reader of the mail does not see', () => {
  it('drops elements hidden by display:none, mso-hide:all, visibility:hidden or the hidden attribute, nested ones included', () => {
    const html = '<div style="display:none;max-height:0">Preheader: Client Ada Vance</div><div>Client: <b>Bo Vance</b></div>'
      + '<div hidden><div>Example: Jane Doe</div><div>DOB 1/1/1990</div></div><table style="mso-hide:all"><tr><td>mobile copy</td></tr></table>'
      + '<p style="visibility: hidden">x</p><p>Member ID: W123</p><input type="hidden" value="q"><p>end</p>';
    expect(htmlToText(html)).toBe('Client: Bo Vance\nMember ID: W123\nend');
  });
});
