import { z } from 'zod';
import { isCountryCode } from './countries.js';
import { isIsoDate } from './time.js';

/** Request fields whose format the contract fixes, shared by every module's schemas. */

/** ISO 3166 alpha-2, accepted in any case and kept upper-case. */
export const ZCountry = z
  .string()
  .max(8)
  .transform((v) => v.trim().toUpperCase())
  .refine(isCountryCode, 'must be an ISO 3166 alpha-2 country code such as RS');

/** A BCP 47 language tag, kept in its canonical form (sr-latn → sr-Latn). */
export const ZLanguage = z
  .string()
  .max(35)
  .transform((value, ctx) => {
    try {
      const [tag] = Intl.getCanonicalLocales(value.trim());
      if (tag) return tag;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'must be a BCP 47 language tag such as sr-Latn or en' });
    return z.NEVER;
  });

/** A calendar date, YYYY-MM-DD, that exists (no 2021-02-30). */
export const ZDay = z.string().refine(isIsoDate, 'must be a date written YYYY-MM-DD');

/** A list of distinct values: repeats are dropped, the first occurrence keeps its place. */
export const distinct = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max, `at most ${max} items`)
    .transform((values) => [...new Set(values)] as z.output<T>[]);
