import { OfflineResumeParser } from '../../src/adapters/offline/resume-parser.offline.js';
import { resumeParserContract } from './suites/resume-parser.contract.js';

resumeParserContract('offline heuristics', () => new OfflineResumeParser());
