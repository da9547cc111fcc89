import 'server-only';
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const sha256Hex = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export type HashedFields = {
  template: string;
  version: number;
  statementNumber: string;
  issuedAt: string;
  data: unknown;
};

/**
 * ARCHITECTURE.md "Reports": the SHA-256 (hex) of the RFC 8785 canonical JSON of
 * {template, version, statementNumber, issuedAt, data}, data being the parsed, validated data.
 */
export const verificationHashOf = (fields: HashedFields) =>
  sha256Hex(
    canonicalize({
      template: fields.template,
      version: fields.version,
      statementNumber: fields.statementNumber,
      issuedAt: fields.issuedAt,
      data: fields.data,
    }) ?? '',
  );
