import 'server-only';
import { z } from 'zod';
import type { AnyReportTemplate } from './template';
import { locationsTemplate } from './templates/locations';
import { retirementTemplate } from './templates/retirement';

/** Every report template. Adding one: a folder under templates/ and one line here. */
export const reportTemplates: readonly AnyReportTemplate[] = [retirementTemplate, locationsTemplate];

export const templateNames = () => reportTemplates.map((t) => t.name);

export const findTemplate = (name: string) => reportTemplates.find((t) => t.name === name);

/** The JSON Schema of a template's data (zod 4), as the admin console and GET /admin/reports/templates show it. */
export const templateJsonSchema = (template: AnyReportTemplate) =>
  z.toJSONSchema(template.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
