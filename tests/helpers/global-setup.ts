import type { TestProject } from 'vitest/node';
import { dropTemplate, prepareTemplate } from './database';

export default async function setup(project: TestProject) {
  const templateDatabase = await prepareTemplate();
  project.provide('templateDatabase', templateDatabase);
  return () => dropTemplate(templateDatabase);
}
