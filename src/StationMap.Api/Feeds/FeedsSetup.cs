using Microsoft.Extensions.Options;
using StationMap.Feeds;
using StationMap.Feeds.Export;
using StationMap.Feeds.Profiles;
using StationMap.Publication;

namespace StationMap.Api.Feeds;

internal static class FeedsSetup
{
    /// <summary>Feed profiles (validated at start-up), exports and publication tracking.</summary>
    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<FeedOptions>>().Value.Rooted(sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddSingleton(sp => FeedProfileCatalog.Load(sp.GetRequiredService<FeedOptions>().ProfileFolder));
        services.AddHostedService<FeedProfilesCheck>();
        services.AddScoped<FeedExporter>();
        services.AddScoped<ExportBatches>();
        services.AddScoped<PublicationService>();
        services.AddScoped<PublicationReport>();
        return services;
    }

    /// <summary>Loads the profiles while the host starts, so a broken profile file stops start-up with its name and field.</summary>
    private sealed class FeedProfilesCheck(IServiceProvider services, ILogger<FeedProfilesCheck> log) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            var catalog = services.GetRequiredService<FeedProfileCatalog>();
            log.LogInformation("Feed profiles loaded: {Profiles}", string.Join(", ", catalog.All.Select(p => p.Id)));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
