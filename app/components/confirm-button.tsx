// A submit button for a step its doer cannot take back (deleting their post,
// banning a writer). With JavaScript a dialog asks first, and the form goes
// with `confirmed=yes`; without, the form goes as it is and the action answers
// with a confirmation step instead of acting (`needsConfirmation`).
import { type ButtonHTMLAttributes, useRef } from "react";

export function ConfirmButton({
  question,
  onClick,
  ...button
}: ButtonHTMLAttributes<HTMLButtonElement> & { question: string }) {
  const confirmed = useRef<HTMLInputElement>(null);
  return (
    <>
      <input ref={confirmed} type="hidden" name="confirmed" defaultValue="" />
      <button
        {...button}
        onClick={(event) => {
          onClick?.(event);
          if (event.defaultPrevented) return;
          if (!window.confirm(question)) {
            event.preventDefault();
            return;
          }
          if (confirmed.current) confirmed.current.value = "yes";
        }}
      />
    </>
  );
}
