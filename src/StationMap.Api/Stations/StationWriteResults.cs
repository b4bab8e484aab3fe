using StationMap.Api.Errors;
using StationMap.Geo;
using StationMap.Mapping;
using StationMap.Stations;

namespace StationMap.Api.Stations;

/// <summary>Turns a write outcome into its HTTP answer (201/200, 400, 403, 404, 409, 428).</summary>
internal static class StationWriteResults
{
    public static IResult ToHttp(HttpResponse response, StationWriteResult result, CoordSys output)
    {
        // The written record is the full view (only staff of its area write): its ETag is what the next If-Match sends.
        if (result.Outcome is WriteOutcome.Created or WriteOutcome.Ok) StationETag.Set(response, result.Station!.Version, fullView: true);
        return ToHttp(result, output);
    }

    private static IResult ToHttp(StationWriteResult result, CoordSys output) => result.Outcome switch
    {
        WriteOutcome.Created => TypedResults.Created($"/api/v1/stations/{Uri.EscapeDataString(result.Station!.Code)}", result.Station.ToDto(output)),
        WriteOutcome.Ok => TypedResults.Ok(result.Station!.ToDto(output)),
        WriteOutcome.Invalid => Problems.Validation(result.Errors!),
        WriteOutcome.NotFound => TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            { Status = 404, Title = "站点不存在 / station not found" }),
        WriteOutcome.Forbidden => Problems.Status(403, "超出机构范围 / outside your organisation's area", result.Detail!),
        WriteOutcome.Conflict => Problems.Status(409, "版本冲突 / version conflict", result.Detail!, result.Station!.ToDto(output)),
        WriteOutcome.NotDeleted => Problems.Status(409, "站点未删除 / station is not deleted", result.Detail!, result.Station!.ToDto(output)),
        WriteOutcome.Duplicate => FieldProblems.Of(409, "站点编码已存在 / code already exists", result.Errors!),
        WriteOutcome.PreconditionRequired => FieldProblems.Of(428, "需要版本号 / version required", result.Errors!),
        _ => throw new InvalidOperationException($"unexpected outcome {result.Outcome}"),
    };
}
