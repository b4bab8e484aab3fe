using Microsoft.AspNetCore.Routing;

namespace StationMap.Api.Errors;

internal static class ApiErrorsSetup
{
    /// <summary>
    /// Binding failures are thrown (not answered with an empty 400) so the handler can name the field; every
    /// exception goes to <see cref="ApiExceptionHandler"/>.
    /// </summary>
    public static IServiceCollection AddApiErrors(this IServiceCollection services)
    {
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }
}
