import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export const OUTCOME_COLOURS = {
  participants: '#1d4f91',
  returned_to_work: '#1f6f43',
  in_work_after_6_months: '#8a5300',
} as const;

export interface OutcomePoint {
  date: string;
  participants: number;
  returned_to_work: number;
  in_work_after_6_months: number | null;
}

/** The recharts line chart of the follow-ups, in a chunk of its own. */
export function OutcomesLineChart({ data, names }: { data: OutcomePoint[]; names: Record<keyof typeof OUTCOME_COLOURS, string> }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d3dae0" />
        <XAxis dataKey="date" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        <Line type="monotone" dataKey="participants" name={names.participants} stroke={OUTCOME_COLOURS.participants} strokeWidth={2} />
        <Line
          type="monotone"
          dataKey="returned_to_work"
          name={names.returned_to_work}
          stroke={OUTCOME_COLOURS.returned_to_work}
          strokeWidth={2}
          strokeDasharray="6 3"
        />
        <Line
          type="monotone"
          dataKey="in_work_after_6_months"
          name={names.in_work_after_6_months}
          stroke={OUTCOME_COLOURS.in_work_after_6_months}
          strokeWidth={2}
          strokeDasharray="2 3"
          connectNulls
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
