/** The server's objection (422) beside the field it names: what to do, in the user's language, then the server's own
 * words. Nothing when there is none. */
export function FieldProblem({ id, text, messages }: { id: string; text: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <span className="field-problem" id={id} role="alert">
      <span className="field-problem-line">
        {text}{" "}
        {messages.map((m) => (
          <small key={m} className="server-words">
            {m}
          </small>
        ))}
      </span>
    </span>
  );
}
