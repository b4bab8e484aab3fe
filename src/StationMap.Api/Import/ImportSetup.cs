using Microsoft.Extensions.Options;
using StationMap.Import;

namespace StationMap.Api;

internal static class ImportSetup
{
    public static IServiceCollection AddImport(this IServiceCollection services, IConfiguration config)
    {
        _ = config;
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ImportOptions>>().Value);
        services.AddSingleton<UploadGate>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService<ImportJobRunner>();
        services.AddScoped<StationImporter>();
        services.AddScoped<ImportJobStore>();
        return services;
    }
}
