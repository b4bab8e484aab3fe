using Npgsql;
using StationMap.Stations;

namespace StationMap.Samples;

/// <summary>Validates sample rows with the normal station rules and loads them in one COPY.</summary>
public static class SampleSeeder
{
    public const string Actor = "seed";

    public static async Task<long> LoadAsync(NpgsqlDataSource db, IEnumerable<SampleStationRow> rows, CancellationToken ct = default) =>
        await StationBulkLoader.LoadAsync(db, rows.Select(Validated), Actor, "synthetic sample data / 合成样例数据", ct);

    private static StationFields Validated(SampleStationRow row)
    {
        var (fields, errors) = StationValidator.Validate(row.ToInput());
        return fields ?? throw new InvalidDataException(
            $"sample station {row.Code} is invalid: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))}");
    }
}
