using System.CommandLine;
using Spectre.Console;
using StationMap.Geo;
using StationMap.Hours;
using StationMap.Nearby;
using StationMap.Stations;

namespace StationMap.Cli.Nearby;

/// <summary>`stationmap nearest --lng 116.3975 --lat 39.9087 [--coordsys gcj02] [--limit 5] [--services microwave] [--open-now] [--accessible]` (SQL path).</summary>
internal static class NearestCommand
{
    public static Command Create()
    {
        var lng = new Option<double>("--lng") { Description = "经度 / longitude", Required = true };
        var lat = new Option<double>("--lat") { Description = "纬度 / latitude", Required = true };
        var coordsys = new Option<string>("--coordsys") { Description = "wgs84 | gcj02 | bd09", DefaultValueFactory = _ => "wgs84" };
        var limit = new Option<int>("--limit") { Description = "1..50", DefaultValueFactory = _ => NearestRequest.DefaultLimit };
        var services = new Option<string[]>("--services") { Description = "须全部具备的服务 / services that must all be present", AllowMultipleArgumentsPerToken = true };
        var openNow = new Option<bool>("--open-now") { Description = "只要现在开放的 / only stations open now" };
        var accessible = new Option<bool>("--accessible") { Description = "只要无障碍（无台阶入口）的 / only stations with a step-free entrance" };
        var command = new Command("nearest", "最近的站点（数据库路径）/ nearest stations (database path)") { lng, lat, coordsys, limit, services, openNow, accessible };
        command.SetSafeAction(async (p, ct) =>
        {
            if (!CoordSysNames.TryParse(p.GetValue(coordsys), out var sys) || sys == CoordSys.Bd09Mc)
                throw new CliException($"--coordsys must be wgs84, gcj02 or bd09 / 坐标系无效: {p.GetValue(coordsys)}");
            var limitValue = p.GetValue(limit);
            if (limitValue is < 1 or > NearestRequest.MaxLimit) throw new CliException("--limit must be 1..50 / --limit 须为 1..50");
            var codes = new List<string>();
            foreach (var name in (p.GetValue(services) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)))
                codes.Add(ServiceCatalog.TryResolve(name, out var s) ? s.Code
                    : throw new CliException($"unknown service '{name}'; valid: {string.Join(", ", ServiceCatalog.Codes)}"));
            var point = new Coordinate(p.GetValue(lng), p.GetValue(lat), sys).To(CoordSys.Wgs84);
            var request = new NearestRequest(point.Lng, point.Lat, limitValue, null, codes, null, p.GetValue(openNow), DateTimeOffset.UtcNow,
                AccessibleOnly: p.GetValue(accessible), Holidays: HolidayCalendar.Load(Environment.GetEnvironmentVariable("Hours__HolidayCalendar")));

            await using var ds = CliDatabase.OpenDataSource();
            var hits = await new SqlNearestSearch(ds).SearchAsync(request, ct);
            var table = new Table().AddColumns("code", "name", "m", "walk min", "open now", "step-free", "phone");
            foreach (var h in hits)
                table.AddRow(h.Station.Code, Markup.Escape(h.Station.Name), $"{h.DistanceM:0}", $"{TravelTime.WalkMinutes(h.DistanceM)}",
                    h.Station.IsOpenAt(request.At, request.Calendar) switch { true => "yes", false => "no", null => "?" },
                    h.Station.Accessible switch { true => "yes", false => "no", null => "?" }, h.Station.Phone ?? "");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
