/**
 * Horizontal bars for totals by category (topic, channel, language): the numbers are text in a
 * table a screen reader reads as one, the bars only draw them. Bars are SVG: the Content-Security-
 * Policy allows no inline style, so a width cannot be set as one.
 */
export function BarTable({ caption, valueLabel, rows, format = String }: { caption: string; valueLabel: string; rows: readonly { label: string; n: number }[]; format?: (n: number) => string }) {
  const max = Math.max(1, ...rows.map((r) => r.n));
  return (
    <table className="bar-table">
      <caption>{caption}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{caption}</th>
          <th scope="col">{valueLabel}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td>
              <svg className="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect width={(r.n / max) * 100} height="10" />
              </svg>
              <span className="bar-value">{format(r.n)}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
