// What the sign-in and sign-up actions answer when they do not redirect. Type-only, shared
// with the client form.

export type AuthFieldName = 'email' | 'password' | 'name';

export type AuthFormState = {
  ok: false;
  fieldErrors: Partial<Record<AuthFieldName, string[]>>;
  formError?: string;
};

export type AuthFormInput = { email: string; password: string; name?: string; next?: string };

export type AuthFormAction = (input: AuthFormInput) => Promise<AuthFormState>;
