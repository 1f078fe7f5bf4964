// The one-time message after a form went through. After a moderation
// decision it carries an "Undo" button, offered until the minute is up.
import { Form, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";

export function FlashMessage({
  message,
  undo,
}: {
  message: string;
  undo: { actionIds: number[]; until: number } | null;
}) {
  const location = useLocation();
  const [open, setOpen] = useState(true);
  useEffect(() => {
    if (!undo) return;
    const left = undo.until - Date.now();
    if (left <= 0) return setOpen(false);
    const timer = setTimeout(() => setOpen(false), left);
    return () => clearTimeout(timer);
  }, [undo]);
  return (
    <div className="flash" role="status">
      <p>{message}</p>
      {undo && open ? (
        <Form method="post" action="/moderation/undo" className="flash__undo">
          {undo.actionIds.map((id) => (
            <input key={id} type="hidden" name="actionIds" value={id} />
          ))}
          <input type="hidden" name="back" value={location.pathname + location.search} />
          <button type="submit" className="button" data-undo>
            Undo
          </button>
        </Form>
      ) : null}
    </div>
  );
}
