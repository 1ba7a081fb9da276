import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from "react";
import { useSubmitting } from "~/components/ui/use-submitting";

type Variant = "primary" | "secondary" | "danger" | "ghost";

/** Each variant's colours (app/tailwind.css); the size stays a utility, which a button may set itself. */
export function buttonClass(variant: Variant = "primary", extra = "") {
  return `btn btn-${variant} px-3.5 py-2 text-sm${extra ? ` ${extra}` : ""}`;
}

export const Button = forwardRef<
  HTMLButtonElement,
  ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }
>(function Button({ variant = "primary", className = "", type = "button", ...props }, ref) {
  return <button ref={ref} type={type} className={buttonClass(variant, className)} {...props} />;
});

/** A form's submit button: while the page submits, disabled and saying what it is doing (`busyLabel`). */
export function SubmitButton({
  busyLabel,
  children,
  ...props
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "type" | "disabled"> & {
  variant?: Variant;
  busyLabel: ReactNode;
}) {
  const busy = useSubmitting();
  return (
    <Button type="submit" {...props} disabled={busy}>
      {busy ? busyLabel : children}
    </Button>
  );
}
