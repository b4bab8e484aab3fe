// Reads "lng,lat" lines from argv[2], writes "wgs->gcj | gcj->bd | wgs->bd | bd->bd09mc" per line to argv[3].
// Run by GcoordOracleTests; one process for thousands of points.
const fs = require('fs');
const gcoord = require('gcoord');
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(l => l.trim().length > 0);
const out = lines.map(line => {
  const p = line.split(',').map(Number);
  const g = gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02);
  const gb = gcoord.transform(p, gcoord.GCJ02, gcoord.BD09);
  const wb = gcoord.transform(p, gcoord.WGS84, gcoord.BD09);
  const mc = gcoord.transform(p, gcoord.BD09, gcoord.BD09MC);
  return [g, gb, wb, mc].map(c => c[0].toPrecision(17) + ',' + c[1].toPrecision(17)).join(';');
});
fs.writeFileSync(process.argv[3], out.join('\n') + '\n');
