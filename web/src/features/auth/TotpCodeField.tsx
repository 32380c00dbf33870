import { useT } from '../../i18n';
import { Field } from '../../ui';

/** The 6-digit code of an authenticator app (sign-in challenge and enrolment alike). */
export const isTotpCode = (code: string): boolean => /^\d{6}$/.test(code.replace(/\s+/g, ''));

export function TotpCodeField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (code: string) => void;
  error: string | undefined;
}) {
  const t = useT();
  return (
    <Field label={t('auth.mfa.code')} error={error} required>
      {(p) => (
        <input
          {...p}
          className="input"
          name="totp-code"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
