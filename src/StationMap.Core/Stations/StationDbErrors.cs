using Npgsql;
using StationMap.Common;

namespace StationMap.Stations;

/// <summary>
/// What the database can still refuse after the shared rules passed (a unique race above all), as the field it
/// concerns. Connection failures are not handled here: they go up to the API's outage answer (503).
/// </summary>
public static class StationDbErrors
{
    public static PostgresException? Find(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is PostgresException pg) return pg;
        return null;
    }

    /// <summary>Class 22 (data) and 23 (integrity) errors: the caller's input, never an outage.</summary>
    public static bool IsInputError(PostgresException pg) =>
        pg.SqlState.StartsWith("22", StringComparison.Ordinal) || pg.SqlState.StartsWith("23", StringComparison.Ordinal);

    public static bool IsUniqueViolation(Exception e) => Find(e)?.SqlState == PostgresErrorCodes.UniqueViolation;

    /// <summary>The field a database error is about, from the column or constraint name when PostgreSQL gives one.</summary>
    public static FieldError ToFieldError(PostgresException pg)
    {
        var field = pg.ColumnName ?? FieldOfConstraint(pg.ConstraintName) ?? "body";
        return pg.SqlState switch
        {
            PostgresErrorCodes.UniqueViolation => FieldError.Of(field, "duplicate", $"{field} 已存在", $"{field} already exists"),
            PostgresErrorCodes.StringDataRightTruncation => FieldError.Of(field, "too_long", "内容超过数据库允许的长度", "a value is longer than the database allows"),
            PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter =>
                FieldError.Of(field, "invalid_character", "内容含有不允许的字符", "a value contains a character that is not allowed"),
            _ => FieldError.Of(field, "rejected", "数据库拒绝了该值", $"the database refused the value ({pg.SqlState})"),
        };
    }

    private static string? FieldOfConstraint(string? constraint) => constraint switch
    {
        null => null,
        _ when constraint.Contains("code", StringComparison.OrdinalIgnoreCase) => "code",
        _ => null,
    };
}
