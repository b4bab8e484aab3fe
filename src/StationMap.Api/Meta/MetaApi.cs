using StationMap.Geo;
using StationMap.Stations;

namespace StationMap.Api.Meta;

/// <summary>The fixed lists (services, types, statuses, coordinate systems) with their labels, for pages and partners.</summary>
internal static class MetaApi
{
    public static IEndpointRouteBuilder MapMetaApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/meta", () => TypedResults.Ok(new
        {
            services = ServiceCatalog.All.Select(s => new { s.Code, zh = s.Chinese, en = s.English }),
            types = EnumNames.All<StationType>(),
            statuses = EnumNames.All<StationStatus>(),
            hostKinds = EnumNames.All<HostKind>(),
            coordsys = CoordSysNames.All.Where(c => c != "bd09mc"),
        })).WithTags("Meta").CacheOutputHeaders(3600);
        return app;
    }
}
