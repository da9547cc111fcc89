import 'server-only';
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { AppError } from '@/server/core/errors';
import { locationCsvColumns, MAX_CSV_BYTES, MAX_CSV_ROWS } from '../schemas';
import { type CsvCells, type CsvColumn, csvColumns } from './csv-format';
import type { LocationImportRowError } from './schemas';

/** A data row of the file: its cells by column, or why the row cannot be read. */
export type CsvRecord = { line: number; cells: CsvCells } | { line: number; error: LocationImportRowError };

const CHUNK = 64 * 1024;

const fileError = (message: string, errors: LocationImportRowError[]) =>
  new AppError('CSV_INVALID', message, { errors });

/** The size rule of every import (REST, upload, job): 413 beyond MAX_CSV_BYTES. */
export function assertCsvSize(source: Buffer) {
  if (source.byteLength > MAX_CSV_BYTES)
    throw new AppError('CSV_TOO_LARGE', `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MiB.`);
}

/** Where the file arrives as bytes (the browser's upload): UTF-8 only, never replaced characters. */
export function assertUtf8(source: Buffer) {
  if (!isUtf8(source))
    throw fileError('The file is not UTF-8 text.', [
      { line: 1, path: '(file)', message: 'must be UTF-8 (save it as "CSV UTF-8")' },
    ]);
}

/** The header row's cells as columns: every contract column once, the optional ones at most once. */
function readHeader(cells: string[]): (CsvColumn | undefined)[] {
  const byName = new Map(csvColumns.map((c) => [c.toLowerCase(), c]));
  const errors: LocationImportRowError[] = [];
  const seen = new Set<CsvColumn>();
  const columns = cells.map((cell) => {
    const name = cell.trim();
    const column = byName.get(name.toLowerCase());
    if (!column)
      errors.push({ line: 1, path: name || '(empty)', message: 'is not a column of the location CSV' });
    else if (seen.has(column)) errors.push({ line: 1, path: column, message: 'is given twice' });
    else seen.add(column);
    return column;
  });
  for (const column of locationCsvColumns)
    if (!seen.has(column)) errors.push({ line: 1, path: column, message: 'is a required column' });
  if (errors.length > 0)
    throw fileError(
      `The header row must be ${locationCsvColumns.join(',')} (then optionally code,line2).`,
      errors,
    );
  return columns;
}

/** Line breaks in bytes [from, to): CRLF, LF and a lone CR each end one line. */
function countLineBreaks(source: Buffer, from: number, to: number): number {
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const byte = source[i];
    if (byte === 0x0a) breaks++;
    else if (byte === 0x0d && source[i + 1] !== 0x0a) breaks++;
  }
  return breaks;
}

/**
 * The file's data rows, streamed through csv-parse (RFC 4180, UTF-8, a BOM accepted, CRLF, LF or
 * CR line ends, quoted cells with commas, quotes and line breaks) after its header is checked.
 * Each row carries the line of the file it starts on (the header is line 1): csv-parse counts a
 * quoted CRLF as two lines, so lines are counted here from the bytes each record ends at. Blank
 * lines (and rows of empty cells only) are skipped; beyond MAX_CSV_ROWS rows the file is refused.
 */
export async function* readLocationCsv(source: Buffer): AsyncGenerator<CsvRecord> {
  assertCsvSize(source);
  const parser = Readable.from(chunksOf(source)).pipe(
    parse({ bom: true, info: true, relax_column_count: true, record_delimiter: ['\r\n', '\n', '\r'] }),
  );
  let columns: (CsvColumn | undefined)[] | undefined;
  let line = 1;
  let offset = 0;
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { bytes: number };
    }>) {
      const start = line;
      line += countLineBreaks(source, offset, info.bytes);
      offset = info.bytes;
      if (record.every((cell) => cell.trim() === '')) continue;
      if (!columns) {
        if (start !== 1)
          throw fileError('The header row must be the first line.', [
            { line: 1, path: '(file)', message: 'is blank; the header row must come first' },
          ]);
        columns = readHeader(record);
        continue;
      }
      if (++rows > MAX_CSV_ROWS)
        throw new AppError('CSV_TOO_LARGE', `The file has more than ${MAX_CSV_ROWS} rows; split it.`);
      if (record.length !== columns.length) {
        yield {
          line: start,
          error: {
            line: start,
            path: '(row)',
            message: `has ${record.length} cells; the header has ${columns.length}`,
          },
        };
        continue;
      }
      const cells: CsvCells = {};
      columns.forEach((column, i) => {
        if (column) cells[column] = record[i];
      });
      yield { line: start, cells };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The parser may fail ahead of the rows read so far: its `bytes` is where the failing record starts.
    const at = typeof error.bytes === 'number' ? error.bytes : offset;
    throw fileError('The file is not valid CSV (RFC 4180).', [
      { line: 1 + countLineBreaks(source, 0, at), path: '(file)', message: csvErrorMessage(error) },
    ]);
  } finally {
    parser.destroy();
  }
  if (!columns)
    throw fileError('The file is empty: it needs the header row.', [
      { line: 1, path: '(file)', message: `must start with the header ${locationCsvColumns.join(',')}` },
    ]);
}

/** csv-parse's reason in our words, without echoing the file's text back. */
function csvErrorMessage(error: CsvError): string {
  switch (error.code as string) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'has a quote inside a quoted cell that is not doubled ("")';
    case 'INVALID_OPENING_QUOTE':
      return 'has a quote inside a cell that is not quoted (quote the cell, double the quote)';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'has a quoted cell that is never closed';
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'has text after the closing quote of a cell';
    default:
      return 'cannot be read as CSV';
  }
}

function* chunksOf(source: Buffer) {
  for (let at = 0; at < source.length; at += CHUNK) yield source.subarray(at, at + CHUNK);
}
