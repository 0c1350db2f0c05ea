import { DocumentResumeTextExtractor } from '../../src/adapters/documents/resume-text-extractor.unpdf.js';
import { resumeTextExtractorContract } from './suites/resume-text-extractor.contract.js';

resumeTextExtractorContract('unpdf + mammoth', () => new DocumentResumeTextExtractor());
