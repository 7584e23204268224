/**
 * Letters for the Notify Sandbox: templated letter PDFs, precompiled-letter checks and test PDFs.
 */
export {
  renderLetterPdf,
  renderLetterWithinLimit,
  formatLetterDate,
  type CheckedLetter,
  type LetterPdfInput,
  type RenderedLetter,
} from './render-letter';
export {
  inspectPrecompiledLetter,
  LETTER_MAX_PAGE_COUNT,
  EICAR_TEST_STRING,
  EICAR_SIGNATURE_NAME,
  type PrecompiledInspection,
} from './precompiled';
export { makeTestPdf, type TestPdfOptions } from './test-pdf';
export { parseLetterMarkdown, type LetterBlock, type HardLine, type TextRun } from './letter-markdown';
