import type { AssessmentResult } from '../../../../src/modules/identification/identification.engine.js';
import type { TraffickingType } from '../../../../src/modules/identification/ilo-catalogue.js';
import { useI18n, type MessageKey, type Translate } from '../../i18n/i18n.js';

// The ILO file's ids are plain strings to the compiler; test/identification-messages.test.ts checks
// that the staff catalogue names every dimension and indicator.
export const dimensionLabel = (t: Translate, id: string) => t(`identification.dimension.${id}` as MessageKey);
export const indicatorLabel = (t: Translate, id: string) => t(`identification.indicator.${id}` as MessageKey);
export const typeLabel = (t: Translate, type: TraffickingType) => t(`identification.type.${type}`);

/**
 * The rule's answer in words: presumed victim or not, of which type, and under which rule. `live`
 * makes screen readers announce the verdict whenever it changes, as on the identification screen.
 */
export function VerdictText({ result, live = false }: { result: AssessmentResult; live?: boolean }) {
  const { t } = useI18n();
  const positive = result.dimensions.filter((d) => d.positive);
  return (
    <div className={`verdict ${result.presumedVictim ? 'verdict-presumed' : 'verdict-not'}`}>
      <div aria-live={live ? 'polite' : undefined} aria-atomic={live ? true : undefined}>
        <p className="verdict-headline">
          {t(result.presumedVictim ? (result.child ? 'identification.verdict.presumedChild' : 'identification.verdict.presumed') : 'identification.verdict.not')}
        </p>
        {result.types.length > 0 && (
          <p className="verdict-types">{t('identification.verdict.types', { count: result.types.length, types: result.types.map((x) => typeLabel(t, x)).join(', ') })}</p>
        )}
      </div>
      <p>{t(result.child ? 'identification.rule.child' : 'identification.rule.adult')}</p>
      <p>
        {positive.length
          ? t('identification.verdict.positive', { dimensions: positive.map((d) => dimensionLabel(t, d.id)).join(', ') })
          : t('identification.verdict.nonePositive')}
      </p>
    </div>
  );
}
