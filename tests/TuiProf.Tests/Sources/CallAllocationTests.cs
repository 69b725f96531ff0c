using TuiProf.Targets;
using System.Text.RegularExpressions;
using TuiProf.Tests.Heap;
using TuiProf.Tests.Targets;

namespace TuiProf.Tests.Sources;

/// <summary>What each call allocated, from the runtime's randomized sampling, against what the program itself counted.</summary>
public sealed partial class CallAllocationTests : TargetTest
{
    [Fact(Timeout = 120_000)]
    public async Task Each_baseline_call_is_given_its_arrays_bytes_within_10_percent_and_within_its_bound()
    {
        var file = OutFile("baseline-allocated.jsonl");

        var run = await RecordAsync("baseline", "--allocations", "--out", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var calls = RecordedFile.Read(file).OfType("bracket").ToList();
        Assert.Equal(3, calls.Count);
        long[] arrays = [24_000_024, 40_000_024, 32_000_024]; // long[3 M], [5 M], [4 M]: what each call allocates
        for (var i = 0; i < arrays.Length; i++)
        {
            var (allocated, error) = Allocated(calls[i]);
            Assert.InRange(allocated, arrays[i] * 0.9, arrays[i] * 1.1);
            Assert.True(Math.Abs(allocated - arrays[i]) <= error, $"call {i + 1}: {allocated} +/- {error}, its array {arrays[i]}");
        }
    }

    [Fact(Timeout = 120_000)]
    public async Task Four_million_small_objects_are_counted_within_the_bound_given_and_the_bound_within_10_percent()
    {
        var file = OutFile("small-allocated.jsonl");

        var run = await RecordAsync("--allocations", "--out", file, "--", DotNetHost.Path, RunningHeapTarget.Assembly, "4000000", "16", "exit");

        Assert.True(run.ExitCode == 0, run.ToString());
        var recording = RecordedFile.Read(file);
        var truth = long.Parse(Said().Match(string.Join("\n", recording.OfType("output").Select(o => o.GetProperty("text").GetString()))).Groups[1].Value);
        var (allocated, error) = Allocated(Assert.Single(recording.OfType("bracket"), b => b.GetProperty("name").GetString() == "Build"));
        Assert.True(Math.Abs(allocated - truth) <= error, $"{allocated} +/- {error}, the program counted {truth}");
        Assert.InRange(error, 1, truth * 0.1);
    }

    private static (long Allocated, long Error) Allocated(System.Text.Json.JsonElement bracket) =>
        (bracket.GetProperty("allocated").GetInt64(), bracket.GetProperty("allocatedError").GetInt64());

    [GeneratedRegex(@"Build allocated (\d+) bytes")]
    private static partial Regex Said();
}
