using StationMap.Feeds.Rows;
using StationMap.Feeds.Writers;
using StationMap.Publication;
using StationMap.Stations;

namespace StationMap.Feeds.Export;

/// <summary>What was last submitted for a station to the profile's provider, and the POI id the provider gave it (if known).</summary>
public sealed record SubmittedState(PublicationState State, string? Hash, string? PoiId = null)
{
    /// <summary>
    /// Whether the provider holds (or is creating) a POI for the station, so that a new version goes as an update
    /// ("changed") rather than as a new POI ("added"). The one place this rule lives (docs/feeds.md, *Added or changed*):
    /// never submitted or withdrawn → no; submitted (no result yet: batch channels create the POI at upload and may
    /// never send a result), online, needs update → yes; rejected → only with a POI id (a rejected update of a live POI).
    /// </summary>
    public bool ProviderHasPoi => State switch
    {
        PublicationState.NotSubmitted or PublicationState.Withdrawn => false,
        PublicationState.Rejected => !string.IsNullOrEmpty(PoiId),
        _ => true,
    };
}

/// <summary>The new state of a station's publication record once the batch is recorded.</summary>
public sealed record Submission(long StationId, string Code, PublicationState State, string? Hash);

/// <summary>
/// Decides, station by station, what goes into a batch. Full: every active, public, complete station.
/// Incremental: added (never or no longer submitted), changed (emitted content differs from the last submitted
/// hash) and withdrawn (closed, suspended, not public or deleted since it was submitted). Lazily, so rows stream.
/// </summary>
/// <param name="record">Receives each record change as it is decided (the exporter writes them beside the stream); without it they are kept in <see cref="Submissions"/>.</param>
public sealed class FeedSelection(FeedRowBuilder builder, bool incremental, IReadOnlyDictionary<long, SubmittedState> submitted, Action<Submission>? record = null)
{
    public List<ExportReportLine> Report { get; } = [];
    public List<Submission> Submissions { get; } = [];
    public List<string> Codes { get; } = [];
    public int Added { get; private set; }
    public int Changed { get; private set; }
    public int Withdrawn { get; private set; }
    public int Excluded { get; private set; }

    public IEnumerable<FeedItem> Items(IEnumerable<Station> stations)
    {
        foreach (var s in stations)
        {
            var last = submitted.GetValueOrDefault(s.Id);
            if (FeedEligibility.NotPublishable(s) is { } gone)
            {
                // Withdrawn when the provider holds a POI for it (the same rule as added/changed): a rejected new POI never was.
                if (incremental && last is { ProviderHasPoi: true } && builder.Build(s, lenient: true, last.PoiId).Row is { } old)
                {
                    Withdrawn++;
                    yield return Emit(old, FeedChange.Withdrawn, last, PublicationState.Withdrawn, hash: null);
                }
                else if (s.DeletedAt is null) Exclude(s, gone);
                continue;
            }
            if (FeedEligibility.Incomplete(s) is { } missing)
            {
                Exclude(s, missing);
                continue;
            }
            var built = builder.Build(s, providerPoiId: last?.PoiId);
            if (built.Row is not { } row)
            {
                Exclude(s, built.Rejection!);
                continue;
            }
            if (built.Notes.Count > 0) Report.AddRange(built.Notes.Select(n => new ExportReportLine(s.Code, s.Name, n, Excluded: false)));
            if (!incremental)
            {
                var stays = last is { State: PublicationState.Online } && last.Hash == row.Hash;
                yield return Emit(row, null, last, stays ? PublicationState.Online : PublicationState.Submitted, row.Hash);
                continue;
            }
            FeedChange? change = IncrementalChange(last, row.Hash);
            if (change is not { } c) continue;
            if (c == FeedChange.Added) Added++; else Changed++;
            yield return Emit(row, c, last, PublicationState.Submitted, row.Hash);
        }
    }

    /// <summary>
    /// What an incremental export does with an exportable station: never submitted or withdrawn → added; otherwise
    /// only when its emitted content differs from what was last submitted — as a change when the provider holds a
    /// POI for it (<see cref="SubmittedState.ProviderHasPoi"/>), else added again (a rejected new POI: there is
    /// nothing to update on the provider's side).
    /// </summary>
    public static FeedChange? IncrementalChange(SubmittedState? last, string hash)
    {
        if (last is null || last.State is PublicationState.NotSubmitted or PublicationState.Withdrawn) return FeedChange.Added;
        if (last.Hash == hash) return null;
        return last.ProviderHasPoi ? FeedChange.Changed : FeedChange.Added;
    }

    private FeedItem Emit(FeedRow row, FeedChange? change, SubmittedState? last, PublicationState state, string? hash)
    {
        Codes.Add(row.Code);
        // A record already in this state with this content keeps its batch: repeating an export writes nothing.
        if (last is null || last.State != state || last.Hash != hash)
        {
            var submission = new Submission(row.StationId, row.Code, state, hash);
            if (record is null) Submissions.Add(submission); else record(submission);
        }
        return new FeedItem(row, change);
    }

    private void Exclude(Station s, string reason)
    {
        Excluded++;
        Report.Add(new ExportReportLine(s.Code, s.Name, reason, Excluded: true));
    }
}
