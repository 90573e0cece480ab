/**
 * fast-check arbitraries for WordprocessingML bodies with the structures mammoth's raw text treats
 * specially (tables with merged and deleted rows, content controls and checkboxes, VML text boxes,
 * alternate content, deleted paragraph marks, fields, symbols, unknown elements), for the property
 * test that our reader gives mammoth's text.
 */
import fc from 'fast-check';

const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';

const word = fc.constantFrom('政府', '工作', '报告', 'GDP', '5.2%', ' ', '　', '', '一、', 'a&amp;b', '&lt;x&gt;', '&#x4E2D;', 'x\ny', 'r\r\ns');
const text = fc.array(word, { minLength: 0, maxLength: 3 }).map((ws) => ws.join(''));

const runChild: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: text.map((t) => `<w:t xml:space="preserve">${t}</w:t>`) },
  { weight: 1, arbitrary: fc.constant('<w:tab/>') },
  { weight: 1, arbitrary: fc.constant('<w:br/>') },
  { weight: 1, arbitrary: fc.constant('<w:noBreakHyphen/>') },
  { weight: 1, arbitrary: fc.constant('<w:softHyphen/>') },
  { weight: 1, arbitrary: fc.constantFrom('<w:sym w:font="Symbol" w:char="F0B7"/>', '<w:sym w:font="Wingdings" w:char="F0FC"/>', '<w:sym w:font="Nope" w:char="41"/>') },
  { weight: 1, arbitrary: fc.constantFrom('<w:fldChar w:fldCharType="begin"/>', '<w:instrText> PAGE </w:instrText>', '<w:fldChar w:fldCharType="separate"/>', '<w:fldChar w:fldCharType="end"/>') },
  { weight: 1, arbitrary: fc.constant('<w:rPr><w:b/></w:rPr>') },
  { weight: 1, arbitrary: fc.constant('<w:lastRenderedPageBreak/>') },
  { weight: 1, arbitrary: text.map((t) => `<w:delText>${t}</w:delText>`) },
);

const run = fc.array(runChild, { maxLength: 4 }).map((cs) => `<w:r>${cs.join('')}</w:r>`);

const pPr = fc.constantFrom(
  '',
  '<w:pPr><w:pStyle w:val="1"/></w:pPr>',
  '<w:pPr><w:pStyle w:val="Heading2"/><w:jc w:val="center"/></w:pPr>',
  '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>',
  '<w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>',
  '<w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>',
);

export function bodyArbitrary(): fc.Arbitrary<string> {
  const { block } = fc.letrec<{ block: string; inline: string; para: string; table: string }>((tie) => ({
    inline: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 8, arbitrary: run },
      { weight: 1, arbitrary: fc.array(run, { maxLength: 2 }).map((rs) => `<w:hyperlink w:anchor="x">${rs.join('')}</w:hyperlink>`) },
      { weight: 1, arbitrary: fc.array(run, { maxLength: 2 }).map((rs) => `<w:ins w:id="2" w:author="a">${rs.join('')}</w:ins>`) },
      { weight: 1, arbitrary: fc.array(run, { maxLength: 2 }).map((rs) => `<w:del w:id="3" w:author="a">${rs.join('')}</w:del>`) },
      { weight: 1, arbitrary: fc.array(run, { maxLength: 2 }).map((rs) => `<w:smartTag w:element="x">${rs.join('')}</w:smartTag>`) },
      { weight: 1, arbitrary: fc.array(run, { maxLength: 2 }).map((rs) => `<w:fldSimple w:instr="PAGE">${rs.join('')}</w:fldSimple>`) },
      { weight: 1, arbitrary: fc.array(run, { maxLength: 2 }).map((rs) => `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${rs.join('')}</w:sdtContent></w:sdt>`) },
      {
        weight: 1,
        arbitrary: fc
          .array(run, { maxLength: 2 })
          .map((rs) => `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent>${rs.join('')}</w:sdtContent></w:sdt>`),
      },
      { weight: 1, arbitrary: fc.constantFrom('<w:bookmarkStart w:id="0" w:name="_GoBack"/>', '<w:bookmarkStart w:id="1" w:name="b"/><w:bookmarkEnd w:id="1"/>', '<w:proofErr w:type="spellStart"/>') },
      {
        weight: 1,
        arbitrary: fc
          .array(tie('block'), { maxLength: 2 })
          .map((bs) => `<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${bs.join('')}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.array(tie('block'), { maxLength: 1 }), fc.array(tie('block'), { maxLength: 1 }))
          .map(
            ([a, b]) =>
              `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:txbx><w:txbxContent>${a.join('')}</w:txbxContent></wps:txbx></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${b.join('')}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
          ),
      },
      { weight: 1, arbitrary: text.map((t) => `<w:unknownThing><w:r><w:t>${t}</w:t></w:r></w:unknownThing>`) },
    ),
    para: fc.tuple(pPr, fc.array(tie('inline'), { maxLength: 4 })).map(([pp, is]) => `<w:p>${pp}${is.join('')}</w:p>`),
    table: fc
      .array(
        fc.tuple(
          fc.constantFrom('', '<w:trPr><w:del w:id="4" w:author="a"/></w:trPr>', '<w:trPr><w:tblHeader/></w:trPr>'),
          fc.array(
            fc.tuple(
              fc.constantFrom('', '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>', '<w:tcPr><w:vMerge/></w:tcPr>', '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'),
              fc.array(tie('para'), { minLength: 1, maxLength: 2 }),
            ),
            { minLength: 1, maxLength: 3 },
          ),
          fc.boolean(),
        ),
        { minLength: 1, maxLength: 3 },
      )
      .chain((rows) =>
        fc.boolean().map((bookmark) =>
          `<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol w:w="1"/></w:tblGrid>${rows
            .map(([trPr, cells, sdt], k) => {
              const tr = `<w:tr>${trPr}${cells.map(([tcPr, ps]) => `<w:tc>${tcPr}${ps.join('')}</w:tc>`).join('')}</w:tr>`;
              return (bookmark && k === 1 ? '<w:bookmarkStart w:id="9" w:name="t"/>' : '') + (sdt ? `<w:sdt><w:sdtContent>${tr}</w:sdtContent></w:sdt>` : tr);
            })
            .join('')}</w:tbl>`,
        ),
      ),
    block: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { weight: 5, arbitrary: tie('para') }, { weight: 1, arbitrary: tie('table') }),
  }));
  return fc.array(block, { minLength: 1, maxLength: 6 }).map((bs) => bs.join('') + '<w:sectPr/>');
}

/** A document.xml around a body, declaring the namespaces the body uses. */
export function documentXmlNs(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:w14="${W14}" mc:Ignorable="w14"><w:body>${body}</w:body></w:document>`;
}
