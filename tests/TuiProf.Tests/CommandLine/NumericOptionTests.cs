namespace TuiProf.Tests.CommandLine;

/// <summary>
/// Every numeric option is a finite number within the range its help states, checked before anything is launched:
/// NaN, the infinities, zero or less where that means nothing, and values no one means are one line and exit 2.
/// </summary>
public class NumericOptionTests
{
    /// <summary>Launched, the target would leave this file behind; the check runs before a target can start.</summary>
    private const string Marker = "MARKER";

    private static readonly string[] Launching = ["--", "sh", "-c", $"touch {Marker}"];

    private static readonly string[] NotFinite = ["NaN", "Infinity", "-Infinity"];

    // (the command up to the option, the option, the range as the message states it, its bad values beyond NotFinite)
    private static readonly (string[] Command, string Option, string Range, string[] Bad)[] Options =
    [
        (["record", "--out", "x.jsonl"], "--interval", "from 0.005 to 10 seconds", ["0", "-1", "0.001", "11", "1e300", "abc"]),
        (["run"], "--interval", "from 0.005 to 10 seconds", ["0", "1e300"]),
        (["record", "--out", "x.jsonl"], "--counter-interval", "from 0.005 to 10 seconds", ["0", "60", "1e300"]),
        (["attach"], "--counter-interval", "from 0.005 to 10 seconds", ["-1"]),
        (["record", "--out", "x.jsonl"], "--duration", "from 0.001 to 604800 seconds", ["0", "-1", "1e300", "99999999"]),
        (["heap"], "--wait", "from 0 to 86400 seconds", ["-1", "1e300", "99999999"]),
        (["heap"], "--diff", "from 0.001 to 86400 seconds", ["0", "-5", "1e300", "99999999"]),
        (["heap"], "--top", "a whole number from 1 to 10000", ["0", "-1", "99999999", "99999999999", "1.5"]),
        (["plot", "never-read.jsonl"], "--width", "a whole number from 20 to 1000", ["0", "19", "99999999", "30000000"]),
        (["plot", "never-read.jsonl"], "--height", "a whole number from 8 to 500", ["0", "7", "99999999"]),
    ];

    public static TheoryData<string[], string> BadNumbers()
    {
        var rows = new TheoryData<string[], string>();
        foreach (var (command, option, range, bad) in Options)
            foreach (var value in NotFinite.Concat(bad))
                rows.Add([.. command, option, value, .. command[0] is "plot" ? [] : Launching], $"{option} must be {range}, not '{value}'");
        return rows;
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(BadNumbers))]
    public async Task A_number_out_of_range_is_one_line_and_exit_2_before_anything_is_launched(string[] arguments, string message)
    {
        var folder = TestTemp.Directory("tuiprof-numbers-");
        var marker = Path.Combine(folder, "launched");

        var result = await TuiProfCli.RunAsync([.. arguments.Select(a => a.Replace(Marker, marker))]);

        Assert.Equal(2, result.ExitCode);
        var error = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"tuiprof: {message} (see 'tuiprof --help')", error);
        Assert.False(File.Exists(marker), "the target was launched before the number was checked");
    }
}
