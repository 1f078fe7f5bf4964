// The ban's two questions, why and for how long: asked on each queue card and
// again, filled in, on the confirmation step a moderator without JavaScript sees.
import { BAN_LENGTHS, BAN_LENGTH_LABELS, BAN_REASON_MAX, type BanLength } from "~/model/ban-lengths";

export function BanFields({
  reason,
  length = "week",
  problem,
}: {
  reason?: string;
  length?: BanLength;
  /** The server's refusal of the reason, on the confirmation step: the field is then required and marked. */
  problem?: string | null;
}) {
  const confirming = reason !== undefined;
  return (
    <>
      <label>
        Why ban them? (kept on the list of bans)
        <input
          name="banReason"
          defaultValue={reason}
          maxLength={BAN_REASON_MAX}
          required={confirming}
          aria-invalid={problem ? true : undefined}
        />
      </label>
      <label>
        For
        <select name="banFor" defaultValue={length}>
          {BAN_LENGTHS.map((value) => (
            <option key={value} value={value}>
              {BAN_LENGTH_LABELS[value]}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
