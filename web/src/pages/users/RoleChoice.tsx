import { CheckboxGroup } from '../../components/forms.js';
import { useI18n } from '../../i18n/i18n.js';
import { roleHint, roleLabel, ROLES, type Role } from '../../roles.js';

/** The roles of a user, each with what it opens; `locked` roles cannot be unticked. */
export function RoleChoice({ selected, onChange, error, locked = [] }: { selected: Role[]; onChange(roles: Role[]): void; error?: string; locked?: Role[] }) {
  const { t } = useI18n();
  const options = ROLES.map((r) => ({ value: r, label: t(roleLabel(r)), hint: t(roleHint(r)), disabled: locked.includes(r) }));
  return <CheckboxGroup legend={t('users.roles')} options={options} selected={selected} onChange={onChange} error={error} />;
}
