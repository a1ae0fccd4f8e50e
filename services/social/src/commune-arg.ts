import { BadUserInputError } from '@nct/errors';

/** An optional commune argument: absent, or 5 digits (BAD_USER_INPUT otherwise). */
export function optionalCommuneArg(code: string | null | undefined): string | null {
  if (code != null && !/^\d{5}$/.test(code))
    throw new BadUserInputError({ vi: 'Mã xã/phường phải gồm 5 chữ số', en: 'communeCode must be 5 digits' }, { argument: 'communeCode' });
  return code ?? null;
}
