/**
 * The label of a form field, by its name (`username`, `given_name`, `custom:tier`, …), through a phrase lookup: the
 * screens pass their translator, the engine passes English (its AuthError messages name the field the same way the
 * screen does, see errors.ts).
 */
export function fieldLabel(t: (key: string) => string, name: string): string {
  if (name.startsWith('custom:')) return name.slice('custom:'.length).replace(/[_-]+/g, ' ');
  return t(FIELD_KEYS[name] ?? `attributes.${name}`);
}

const FIELD_KEYS: Record<string, string> = {
  username: 'common.username',
  password: 'common.password',
  new_password: 'common.newPassword',
  confirm_password: 'common.confirmPassword',
  current_password: 'common.currentPassword',
  code: 'common.code',
  device_name: 'setupTotp.deviceName',
  mfa: 'selectMfa.title',
};
