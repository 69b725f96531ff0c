using TuiProf.Tests.CommandLine;
using TuiProf.Tests.Export;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Faults;

/// <summary>
/// An output path in /tmp that is a symlink another user planted is refused, as the kernel's protected_symlinks
/// would (this host, like many containers, has it off): the file it points to is left as it was.
/// </summary>
public sealed class SymlinkTests(ManualCollectRecording recorded) : IClassFixture<ManualCollectRecording>, IDisposable
{
    private const string UserName = "tuiprof-adopt";
    private const string Precious = "not to be overwritten\n";
    private readonly string _victim = TuiProfCli.TempFile("victim.txt");
    private readonly string _link = Path.Combine("/tmp", $"tuiprof-link-{Guid.NewGuid():N}");
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [RootFact(Timeout = 60_000)]
    public async Task Recording_through_another_users_symlink_in_tmp_is_refused_in_one_line_before_anything_is_launched()
    {
        await PlantAsync();
        var launched = TuiProfCli.TempFile("launched");

        var result = await TuiProfCli.RunAsync("record", "--out", _link, "--", "touch", launched);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(Refusal, result.StandardError.Trim());
        Assert.Equal(Precious, await File.ReadAllTextAsync(_victim));
        Assert.False(File.Exists(launched), "the command was launched before the output was checked");
    }

    [RootFact(Timeout = 60_000)]
    public async Task Exporting_through_another_users_symlink_in_tmp_is_refused_in_one_line()
    {
        await PlantAsync();

        var result = await TuiProfCli.RunAsync("export", recorded.File, "--format", "csv", "--out", _link);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(Refusal, result.StandardError.Trim());
        Assert.Equal(Precious, await File.ReadAllTextAsync(_victim));
    }

    [RootFact(Timeout = 60_000)]
    public async Task Writing_into_a_folder_through_another_users_symlink_in_tmp_is_refused_in_one_line()
    {
        await File.WriteAllTextAsync(_victim, Precious);
        var user = await SecondUser.CreateAsync(UserName);
        Assert.Equal(0, (await RunningProcess.RunAsync(user.Run("ln", "-s", Path.GetDirectoryName(_victim)!, _link), Limit)).ExitCode);
        var through = Path.Combine(_link, Path.GetFileName(_victim));

        var result = await TuiProfCli.RunAsync("export", recorded.File, "--format", "csv", "--out", through);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"tuiprof: refusing to write through '{through}': a symlink in a world-writable folder owned by another user (see 'tuiprof --help')",
            result.StandardError.Trim());
        Assert.Equal(Precious, await File.ReadAllTextAsync(_victim));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_symlink_of_our_own_in_tmp_is_written_through_as_before()
    {
        await File.WriteAllTextAsync(_victim, Precious);
        File.CreateSymbolicLink(_link, _victim);

        var result = await TuiProfCli.RunAsync("export", recorded.File, "--format", "csv", "--out", _link);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.StartsWith("Timestamp,", await File.ReadAllTextAsync(_victim));
    }

    private string Refusal =>
        $"tuiprof: refusing to write through '{_link}': a symlink in a world-writable folder owned by another user (see 'tuiprof --help')";

    /// <summary>The second user plants a link in /tmp to a file of ours (root's) that it cannot even read.</summary>
    private async Task PlantAsync()
    {
        await File.WriteAllTextAsync(_victim, Precious);
        var user = await SecondUser.CreateAsync(UserName);
        var planted = await RunningProcess.RunAsync(user.Run("ln", "-s", _victim, _link), Limit);
        Assert.Equal(0, planted.ExitCode);
    }

    public void Dispose() => File.Delete(_link);
}
