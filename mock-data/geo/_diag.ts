import fs from 'node:fs';
import { buildRoadGraph, shortestPath } from '../../src/geo/roadGraph';
import { haversine } from '../../src/geo/geometry';
const g = buildRoadGraph(JSON.parse(fs.readFileSync('public/geo/roads.geojson','utf8')));
const core = g.nodes.map((p,i)=>[p,i] as const).filter(([p],)=>true).filter(([p,i])=>g.adj[i].length>=3&&p[0]>113.58&&p[0]<113.78&&p[1]>34.698&&p[1]<34.817);
const worst = new Map<number, number>();
let bad: [number, string][] = [];
for (const [a,i] of core) for (const [b,j] of core) { if (j<=i) continue; const d=haversine(a,b); if (d<1500) continue; const r=shortestPath(g,a,b)!; const q=r.lengthM/d; if (q>1.6) { bad.push([q, `${a} -> ${b} via ${r.roads.join(',')}`]); worst.set(i,(worst.get(i)??0)+1); worst.set(j,(worst.get(j)??0)+1);} }
console.log('core nodes', core.length, 'bad pairs', bad.length);
bad.sort((x,y)=>y[0]-x[0]); console.log(bad.slice(0,10).map(b=>b[0].toFixed(2)+' '+b[1]).join('\n'));
console.log([...worst.entries()].sort((a,b)=>b[1]-a[1]).slice(0,15).map(([n,c])=>`${g.nodes[n]} ${c} ${g.nodeRoads[n].map(r=>g.roads[r].id)}`).join('\n'));
