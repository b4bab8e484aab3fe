using System.Text.Json;

namespace StationMap.Audit;

public static class AuditLog
{
    public static AuditEntry Entry(string actor, string action, string subject, object? details) => new()
    {
        At = DateTimeOffset.UtcNow, Actor = actor, Action = action, Subject = subject,
        Details = details is null ? null : JsonSerializer.SerializeToDocument(details),
    };
}
