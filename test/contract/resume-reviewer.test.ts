import { OfflineResumeReviewer } from '../../src/adapters/offline/resume-reviewer.offline.js';
import { resumeReviewerContract } from './suites/resume-reviewer.contract.js';

resumeReviewerContract('offline rubric', () => new OfflineResumeReviewer());
