import { expect } from 'chai';
import {
  beginText, endText, moveText, PDFDocument, popGraphicsState, pushGraphicsState, rgb, setFillingRgbColor, setFontAndSize,
  setTextRenderingMode, showText, StandardFonts, TextRenderingMode,
} from 'pdf-lib';
import { DocumentResumeTextExtractor } from '../../../src/adapters/documents/resume-text-extractor.unpdf.js';

const extractor = new DocumentResumeTextExtractor();

async function pdfWith(draw: (ctx: { doc: PDFDocument; page: ReturnType<PDFDocument['addPage']>; font: Awaited<ReturnType<PDFDocument['embedFont']>> }) => void) {
  const doc = await PDFDocument.create();
  const page = doc.addPage([612, 792]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  draw({ doc, page, font });
  for (let i = 0; i < 4; i++) page.drawText(`Ordinary visible line number ${i}`, { x: 50, y: 600 - i * 14, size: 10, font });
  return doc.save();
}

describe('PDF hidden text (unpdf operator list)', function () {
  this.timeout(20_000);

  it('cuts a white word out of a visible line, leaving the line readable', async () => {
    const bytes = await pdfWith(({ page, font }) => {
      const key = page.node.newFontDictionary('F1', font.ref);
      page.pushOperators(
        pushGraphicsState(), beginText(), setFontAndSize(key, 10), moveText(50, 700),
        showText(font.encodeText('Skilled in Python ')), setFillingRgbColor(1, 1, 1), showText(font.encodeText('and COBOL ')),
        setFillingRgbColor(0, 0, 0), showText(font.encodeText('and Go daily.')), endText(), popGraphicsState(),
      );
    });
    const result = await extractor.extract(bytes, 'pdf');
    expect(result.text.split('\n')[0]).to.equal('Skilled in Python and Go daily.');
    expect(result.hiddenText).to.deep.equal(['and COBOL']);
  });

  it('treats invisible-mode and transparent text as hidden on a page with visible text', async () => {
    const bytes = await pdfWith(({ page, font }) => {
      page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.Invisible));
      page.drawText('Invisible render mode text', { x: 50, y: 700, size: 10, font });
      page.pushOperators(popGraphicsState());
      page.drawText('Fully transparent text', { x: 50, y: 680, size: 10, font, opacity: 0 });
      page.drawText('Near-white text', { x: 50, y: 660, size: 10, font, color: rgb(0.97, 0.97, 0.97) });
    });
    const result = await extractor.extract(bytes, 'pdf');
    expect(result.hiddenText).to.have.members(['Invisible render mode text', 'Fully transparent text', 'Near-white text']);
    expect(result.text).not.to.match(/Invisible|transparent|Near-white/);
  });

  it('keeps white text on a dark box, and an OCR layer over a scan, as content', async () => {
    const sidebar = await pdfWith(({ page, font }) => {
      page.drawRectangle({ x: 40, y: 680, width: 300, height: 40, color: rgb(0.1, 0.1, 0.2) });
      page.drawText('White on navy heading', { x: 50, y: 700, size: 10, font, color: rgb(1, 1, 1) });
    });
    expect((await extractor.extract(sidebar, 'pdf')).text).to.contain('White on navy heading');

    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    const font = await doc.embedFont(StandardFonts.Helvetica);
    page.pushOperators(setTextRenderingMode(TextRenderingMode.Invisible));
    for (let i = 0; i < 4; i++) page.drawText(`Recognised line of the scanned resume ${i}`, { x: 50, y: 650 - i * 14, size: 10, font });
    const ocr = await extractor.extract(await doc.save(), 'pdf');
    expect(ocr.text).to.contain('Recognised line of the scanned resume 3');
    expect(ocr.hiddenText).to.deep.equal([]);
  });

  it('joins the pages of a multi-page PDF with a blank line and counts them', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (const n of [1, 2]) doc.addPage([612, 792]).drawText(`Content of page number ${n} of the resume`, { x: 50, y: 700, size: 10, font });
    const result = await extractor.extract(await doc.save(), 'pdf');
    expect(result.pages).to.equal(2);
    expect(result.text).to.equal('Content of page number 1 of the resume\n\nContent of page number 2 of the resume');
  });
});
