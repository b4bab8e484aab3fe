using System.Collections.Concurrent;

namespace StationMap.Import;

/// <summary>
/// Reads rows on a second thread while the caller maps, validates and copies the previous ones: parsing
/// XML or CSV and validating then share the two cores instead of taking turns. Order is kept; a reader's
/// exception surfaces in the caller; stopping early stops the reader.
/// </summary>
internal static class ReadAhead
{
    public static IEnumerable<RawRow> Rows(IEnumerable<RawRow> source, int capacity = 4096)
    {
        using var queue = new BlockingCollection<RawRow>(capacity);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(() =>
        {
            try
            {
                foreach (var row in source) queue.Add(row, stop.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException and not SheetLimitException and not UnreadableFileException)
            {
                // Only the file reader runs here, so whatever it throws is about the file.
                throw new UnreadableFileException(e.Message, e);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var row in queue.GetConsumingEnumerable()) yield return row;
            reader.GetAwaiter().GetResult();
        }
        finally
        {
            stop.Cancel();
            try { reader.Wait(); }
            catch (AggregateException) { } // cancelled on purpose, or already rethrown above
        }
    }
}

/// <summary>The reader gave up on the file part-way (damaged zip or XML, broken quoting).</summary>
public sealed class UnreadableFileException(string message, Exception inner) : Exception(message, inner);
