import 'reflect-metadata';
import { closeSharedDatabases } from './databases.js';

export const mochaHooks = {
  async afterAll(): Promise<void> {
    await closeSharedDatabases();
  },
};
