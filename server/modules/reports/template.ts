import 'server-only';
import type { z } from 'zod';

/** What a template's renderer knows besides its data: the platform's numbering and hash. */
export type RenderMeta = Readonly<{
  statementNumber: string;
  issuedAt: Date;
  verificationHash: string;
  /** where the QR code points: `${appUrl}/verify/<hash>` */
  verifyUrl: string;
  /** the admin preview: a "PREVIEW" watermark, nothing stored */
  preview: boolean;
}>;

export type RenderedPdf = { bytes: Uint8Array; pageCount: number };

/**
 * One report template: a folder under templates/ exporting one of these, listed once in
 * registry.ts. `render` is a pure function of the validated data and the meta (same input, same
 * bytes); the template never reads the database.
 */
export type ReportTemplate<Schema extends z.ZodType = z.ZodType> = Readonly<{
  name: string;
  version: number;
  title: string;
  description: string;
  /** statement numbers: `${numberPrefix}-2026-000001` */
  numberPrefix: string;
  schema: Schema;
  example: z.input<Schema>;
  /** the profile the report belongs to (who may download it), from the validated data */
  profileIdOf: (data: z.output<Schema>) => string | null;
  /** the record's title, e.g. "Retirement statement for Acme" */
  titleOf: (data: z.output<Schema>) => string;
  /** the serial ranges it retires (checked against other live statements), if any */
  serialRangesOf?: (data: z.output<Schema>) => { batch: string; first: number; last: number }[];
  /** true when rendering is slow enough to run as a job (the caller gets the record pending) */
  isLarge: (data: z.output<Schema>) => boolean;
  /** the admin preview refuses more than this (a clear 413) */
  previewTooLarge: (data: z.output<Schema>) => string | undefined;
  render: (data: z.output<Schema>, meta: RenderMeta) => Promise<RenderedPdf>;
}>;

/** A template as the registry holds it, its data type erased. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds templates of different data types
export type AnyReportTemplate = ReportTemplate<any>;

export const defineTemplate = <Schema extends z.ZodType>(template: ReportTemplate<Schema>) =>
  template as AnyReportTemplate;
