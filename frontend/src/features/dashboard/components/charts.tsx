import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { OUTPUT_COLOURS, OUTPUT_KEYS, type OutputKey } from './outputs';

/**
 * The dashboard's recharts charts, in a chunk of their own (loaded when the dashboard opens).
 * They are pictures: the figures are also given as text next to them.
 */
export function OutputsBarChart({ data, names }: { data: Record<string, string | number>[]; names: Record<OutputKey, string> }) {
  return (
    <ResponsiveContainer width="100%" height={300}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d3dae0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        {OUTPUT_KEYS.map((k) => (
          <Bar key={k} dataKey={k} stackId="outputs" name={names[k]} fill={OUTPUT_COLOURS[k]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function StageBarChart({ data, name }: { data: { key: string; label: string; count: number; colour: string }[]; name: string }) {
  return (
    <ResponsiveContainer width="100%" height={230}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d3dae0" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={104} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Bar dataKey="count" name={name} barSize={18}>
          {data.map((d) => (
            <Cell key={d.key} fill={d.colour} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
