import { Bar, BarChart, CartesianGrid, Cell, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { OUTPUT_COLOURS, OUTPUT_KEYS, type OutputKey } from './outputs';

/**
 * The dashboard's recharts charts, in a chunk of their own (loaded when a chart is scrolled into
 * view). They are pictures: the figures are also given as text next to them. Without animation:
 * recharts animates bars by re-rendering them on every frame for a second and a half. Numeric
 * tick intervals spare measuring every label's text to decide which ones fit.
 */
export function OutputsBarChart({ data, names, height }: { data: Record<string, string | number>[]; names: Record<OutputKey, string>; height: number }) {
  // About a dozen month labels at most; every month still has its bar.
  const every = Math.max(0, Math.ceil(data.length / 12) - 1);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d3dae0" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={every} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip />
        <Legend />
        {OUTPUT_KEYS.map((k) => (
          <Bar key={k} dataKey={k} stackId="outputs" name={names[k]} fill={OUTPUT_COLOURS[k]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function StageBarChart({ data, name, height }: { data: { key: string; label: string; count: number; colour: string }[]; name: string; height: number }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d3dae0" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} interval={0} />
        <YAxis type="category" dataKey="label" width={104} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip />
        <Bar dataKey="count" name={name} barSize={18} isAnimationActive={false}>
          {data.map((d) => (
            <Cell key={d.key} fill={d.colour} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
