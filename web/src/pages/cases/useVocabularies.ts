import { useEffect, useState } from 'react';
import { caseVocabulariesOf, type CaseVocabularies } from '../../api/cases.js';

// The lists change only with a new release: one request per page load serves every form.
let loading: Promise<CaseVocabularies> | null = null;

/** The case vocabularies, or the error that kept them away. */
export function useVocabularies(): { vocabularies: CaseVocabularies | null; error: unknown } {
  const [state, setState] = useState<{ vocabularies: CaseVocabularies | null; error: unknown }>({ vocabularies: null, error: null });
  useEffect(() => {
    let live = true;
    loading ??= caseVocabulariesOf();
    loading.then(
      (vocabularies) => live && setState({ vocabularies, error: null }),
      (error: unknown) => {
        loading = null;
        if (live) setState({ vocabularies: null, error });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
