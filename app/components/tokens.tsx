import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "react-router";
import type { z } from "zod";
import { Button } from "~/components/ui/button";
import { CopyField } from "~/components/ui/copy-field";
import { DataTable, tdClass } from "~/components/ui/data-table";
import { ErrorList, Field } from "~/components/ui/field";
import { Alert, Card } from "~/components/ui/page";
import { useFormats } from "~/i18n/use-formats";
import { usePendingForm } from "~/components/ui/use-submitting";

/**
 * The pages that issue tokens (SCIM's, the admins' API tokens, a person's own API tokens) share
 * these parts: the form for a new one, the token shown once, and the list with last use and revoking.
 * Each page words them from its own namespace.
 */

/** A scope the form offers: its value and its words. */
export type ScopeChoice = { value: string; name: string; hint: string };

/** What every token form holds: a name, and for the API's tokens their scopes. */
type TokenFormValue = { name: string; scopes?: string[] };

export type NewTokenWords = {
  heading: string;
  name: string;
  nameHint: string;
  scopes?: string;
  scopesHint?: string;
  issue: string;
  issuing: string;
};

/** The form for a new token: a name, and the scopes when the page offers any. Posted with its `intent`. */
export function NewTokenForm({
  id,
  intent,
  schema,
  lastResult,
  scopes,
  words,
}: {
  id: string;
  intent: string;
  schema: z.ZodType<TokenFormValue>;
  lastResult: SubmissionResult<string[]> | undefined;
  scopes?: readonly ScopeChoice[];
  words: NewTokenWords;
}) {
  const pendingForm = usePendingForm();
  const [form, fields] = useForm<TokenFormValue>({
    id,
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const issuing = pendingForm?.get("intent") === intent;
  const chosen = fields.scopes.initialValue;
  const scopeChosen = (value: string) =>
    Array.isArray(chosen) ? chosen.includes(value) : chosen === value;
  return (
    <Card className="mb-6 max-w-2xl">
      <h2 className="mb-3 text-lg font-semibold">{words.heading}</h2>
      <Form method="post" className="space-y-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        <Field
          label={words.name}
          hint={words.nameHint}
          errors={fields.name.errors}
          {...getInputProps(fields.name, { type: "text" })}
        />
        {scopes ? (
          <fieldset aria-describedby={fields.scopes.errors ? fields.scopes.errorId : undefined}>
            <legend className="mb-1 text-sm font-medium">{words.scopes}</legend>
            <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">{words.scopesHint}</p>
            <ul className="space-y-2">
              {scopes.map((scope) => (
                <li key={scope.value}>
                  <label className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      name={fields.scopes.name}
                      value={scope.value}
                      // A refused form comes back as a new document with what was chosen.
                      defaultChecked={scopeChosen(scope.value)}
                      className="mt-0.5 size-4"
                    />
                    <span>
                      <span className="font-medium">{scope.name}</span>{" "}
                      <code className="text-xs text-slate-500 dark:text-slate-400">
                        {scope.value}
                      </code>
                      <span className="block text-slate-600 dark:text-slate-300">{scope.hint}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            <ErrorList id={fields.scopes.errorId} errors={fields.scopes.errors} />
          </fieldset>
        ) : null}
        <Button type="submit" disabled={issuing}>
          {issuing ? words.issuing : words.issue}
        </Button>
      </Form>
    </Card>
  );
}

/** A token just issued: shown once, as Rungs keeps only its hash (decision 154 carries it to its page). */
export function IssuedToken({
  title,
  copyNow,
  label,
  token,
}: {
  title: string;
  copyNow: string;
  label: string;
  token: string;
}) {
  return (
    <Alert tone="success" title={title}>
      <p className="mb-2">{copyNow}</p>
      <CopyField label={label} value={token} />
    </Alert>
  );
}

export type TokenRow = {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  issuedBy?: string | null;
  scopes?: readonly string[];
};

export type TokenTableWords = {
  caption: string;
  name: string;
  scopes?: string;
  createdAt: string;
  lastUsed: string;
  status: string;
  never: string;
  active: string;
  revoke: string;
  noTokens: string;
  revokedAt: (when: string) => string;
  revokeLabel: (name: string) => string;
  issuedBy?: (name: string) => string;
};

/** The tokens a page lists, active first, each with its last use and a button revoking it (intent `revoke`). */
export function TokenTable({
  tokens,
  words,
}: {
  tokens: readonly TokenRow[];
  words: TokenTableWords;
}) {
  const f = useFormats();
  const when = (value: string | null) => (value ? f.dateTime(value) : words.never);
  if (!tokens.length) {
    return (
      <Card>
        <p>{words.noTokens}</p>
      </Card>
    );
  }
  const withScopes = words.scopes !== undefined;
  return (
    <DataTable
      caption={words.caption}
      headings={[
        words.name,
        ...(withScopes ? [words.scopes!] : []),
        words.createdAt,
        words.lastUsed,
        words.status,
        { key: "revoke", label: <span className="sr-only">{words.revoke}</span> },
      ]}
    >
      {tokens.map((token) => (
        <tr key={token.id}>
          <th scope="row" className={`${tdClass} font-medium`}>
            {token.name}
          </th>
          {withScopes ? (
            <td className={tdClass}>
              <ul>
                {(token.scopes ?? []).map((scope) => (
                  <li key={scope}>{scope}</li>
                ))}
              </ul>
            </td>
          ) : null}
          <td className={tdClass}>
            {when(token.createdAt)}
            {token.issuedBy && words.issuedBy ? (
              <span className="block text-xs text-slate-500 dark:text-slate-400">
                {words.issuedBy(token.issuedBy)}
              </span>
            ) : null}
          </td>
          <td className={tdClass}>{when(token.lastUsedAt)}</td>
          <td className={tdClass}>
            {token.revokedAt ? words.revokedAt(when(token.revokedAt)) : words.active}
          </td>
          <td className={tdClass}>
            {token.revokedAt ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="tokenId" value={token.id} />
                <Button type="submit" variant="ghost" aria-label={words.revokeLabel(token.name)}>
                  {words.revoke}
                </Button>
              </Form>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
