import { useEffect, useState } from 'react';
import { allPartners, type Partner } from '../../api/partners.js';

/** The active partners of the directory, which stakeholders link to and events invite from. */
export function useActivePartners(): { partners: Partner[]; error: unknown } {
  const [partners, setPartners] = useState<Partner[]>([]);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    allPartners({ active: 'true' }).then(
      (list) => live && setPartners(list),
      (x: unknown) => live && setError(x),
    );
    return () => {
      live = false;
    };
  }, []);
  return { partners, error };
}
