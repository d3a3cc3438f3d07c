import { useState } from 'react';
import { createCase } from '../../api/cases.js';
import { FormError, Status } from '../../components/forms.js';
import { Heading } from '../../components/Heading.js';
import { describeError } from '../../errors.js';
import { useI18n } from '../../i18n/i18n.js';
import type { PageProps } from '../../routes.js';
import { navigate } from '../../router.js';
import { CaseForm } from './CaseForm.js';
import { useVocabularies } from './useVocabularies.js';

/** Opening a file: the status it starts in, the facts known so far and the confidential identity. */
export default function NewCasePage({ title }: PageProps) {
  const { t } = useI18n();
  const { vocabularies, error } = useVocabularies();
  // The helpline's contact page links here with ?contact=ID to open a file from a call.
  const [contactId] = useState(() => new URLSearchParams(window.location.search).get('contact'));
  return (
    <div className="form-page">
      <Heading>{title}</Heading>
      <p className="lead">{t('cases.new.text')}</p>
      {error ? <FormError message={describeError(t, error)} /> : null}
      {vocabularies ? (
        <CaseForm
          vocabularies={vocabularies}
          contactId={contactId}
          submitLabel={t('cases.new.submit')}
          onSubmit={async (body, idempotencyKey) => {
            const created = await createCase(body, idempotencyKey);
            navigate(`/cases/${created.id}`);
          }}
          onCancel={() => navigate('/cases')}
        />
      ) : (
        !error && <Status message={t('common.loading')} />
      )}
    </div>
  );
}
