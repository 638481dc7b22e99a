/**
 * api-version handling. Both versions of the aadiam spec have identical operations and
 * schemas (notes §C), so the version only has to be present and known.
 */
import { ArmRequestError } from './errors.ts';

export const SUPPORTED_API_VERSIONS = ['2017-04-01', '2017-04-01-preview'] as const;
export type ApiVersion = (typeof SUPPORTED_API_VERSIONS)[number];

/** Returns the supported version named by the query, or throws ARM's 400 error. */
export function requireApiVersion(url: URL): ApiVersion {
  const given = url.searchParams.get('api-version');
  if (given === null || given.trim() === '') {
    throw new ArmRequestError(
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
  }
  // ARM compares api-versions case-insensitively (`2017-04-01-Preview` works).
  const match = SUPPORTED_API_VERSIONS.find((v) => v === given.trim().toLowerCase());
  if (!match) {
    throw new ArmRequestError(
      400,
      'InvalidApiVersionParameter',
      `The api-version '${given}' is invalid. The supported versions are '${SUPPORTED_API_VERSIONS.join(',')}'.`,
    );
  }
  return match;
}
