using Microsoft.Extensions.Options;
using StationMap.Import;

namespace StationMap.Api;

internal static class ImportSetup
{
    public static IServiceCollection AddImport(this IServiceCollection services, IConfiguration config)
    {
        _ = config;
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section)
            .Validate(o => o.MaxFileBytes > 0 && o.MaxRows > 0, "Import:MaxFileBytes and Import:MaxRows must be positive").ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ImportOptions>>().Value);
        services.AddSingleton<UploadGate>();
        services.AddSingleton<ImportQueue>();
        services.AddHostedService<ImportJobRunner>();
        services.AddScoped<StationImporter>();
        services.AddScoped<ImportJobStore>();
        return services;
    }
}
