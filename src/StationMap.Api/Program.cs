using StationMap.Api;
using StationMap.Api.Auth;
using StationMap.Api.Coverage;
using StationMap.Api.Geo;
using StationMap.Api.Feeds;
using StationMap.Api.Health;
using StationMap.Api.Meta;
using StationMap.Api.Nearby;
using StationMap.Api.Pages;
using StationMap.Api.Stations;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddStationMap(builder.Configuration);

var app = builder.Build();
app.UseTrustedProxies(); // first: the rate limiter keys on the client IP it sets
// Only requests that accept an encoding pass through compression; the rest skip its per-request body wrapper.
app.UseWhen(http => http.Request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.AcceptEncoding), branch => branch.UseResponseCompression());
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseContentSecurityPolicy();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRequestTimeouts(); // after static files (a slow download is no stall), before the staff key lookup: Cluster/RequestDeadline
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseCacheOutputHeaders();

app.MapOpenApi();
app.MapHealthApi();
app.MapMetaApi();
app.MapConvertApi();
app.MapNearbyApi();
app.MapStationsApi();
app.MapFeedsApi();
app.MapImportsApi();
app.MapMapConfigApi();
app.MapWhoAmIApi();
app.MapCoverageApi();
app.MapObservability();
StationMap.Api.Ogc.OgcApi.MapOgcApi(app);
StationMap.Api.Tiles.TilesApi.MapTilesApi(app);

app.Run();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
