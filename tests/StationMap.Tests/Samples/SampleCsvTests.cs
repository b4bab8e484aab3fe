using System.Text;
using StationMap.Samples;

namespace StationMap.Tests.Samples;

public class SampleCsvTests
{
    private const string CommittedFile = "data/sample-stations-beijing.csv";

    [Fact]
    public void Csv_round_trips_every_field()
    {
        var rows = SampleStationGenerator.Beijing().Take(300).ToList();
        var text = new StringWriter();
        SampleCsv.Write(rows, text);
        Assert.Equal(rows, SampleCsv.Read(new StringReader(text.ToString())));
    }

    [Fact]
    public void Csv_has_english_headers_and_quotes_the_services_list()
    {
        var text = new StringWriter();
        SampleCsv.Write(SampleStationGenerator.Beijing().Take(5), text);
        var lines = text.ToString().Split('\n');
        Assert.Equal("code,name,address,lng,lat,coordsys,adcode,type,services,hours,phone,host,host_kind,public,status,area_m2,notes", lines[0]);
        Assert.Contains(",\"water,", lines[1]);
    }

    [Fact]
    public void Committed_beijing_sample_matches_the_generator()
    {
        var text = new StringWriter();
        SampleCsv.Write(SampleStationGenerator.Beijing(), text);
        var path = Path.Combine(RepoPaths.Root, CommittedFile);
        if (Environment.GetEnvironmentVariable("REGENERATE_SAMPLES") == "1")
            File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        Assert.True(File.Exists(path) && File.ReadAllText(path) == text.ToString(),
            $"{CommittedFile} is not what SampleStationGenerator.Beijing(2026) writes. Regenerate it with: "
            + "REGENERATE_SAMPLES=1 dotnet test tests/StationMap.Tests --filter Committed_beijing_sample_matches_the_generator");
    }
}
