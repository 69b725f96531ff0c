using TuiProf.Core.Export;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Export;

public class RecordingSeriesTests
{
    [Fact]
    public void Of_a_command_that_started_the_users_program_the_exports_draw_that_program_not_the_launcher()
    {
        // 'dotnet run' (pid 7, the header's) builds, then starts the app (pid 9); events of 7 carry no pid.
        var recording = new RecordingFile(new RecordingHeader("dotnet run", 7, DateTime.UnixEpoch),
        [
            new MemorySample(0.1, Rss: 50_000_000),
            new ProcessStarted(0.1, 7, 1, "dotnet", "dotnet run", Followed: true) { Pid = 7 },
            new ProcessStarted(2.0, 9, 7, "App", "bin/App", Followed: true) { Pid = 9 },
            new MemorySample(2.1, Rss: 20_000_000) { Pid = 9 },
            new Bracket(2.2, 2.3, "a", "Step", 0, 9) { Pid = 9 },
            new MemorySample(2.2, Rss: 60_000_000),
            new TargetExited(3, 0),
        ], 0);

        var series = RecordingSeries.From(recording);

        Assert.Equal(9, series.Main.Pid);
        Assert.Equal([20_000_000L], series.Main.Rss.Select(s => s.Rss!.Value));
        Assert.Equal("Step", Assert.Single(series.Main.Brackets).Name);
        Assert.Equal(3, series.Main.Exit);
        // The launcher is still there, for the exports that draw every process.
        var launcher = series.Processes[1];
        Assert.Equal((7, "dotnet run", 0), (launcher.Pid, launcher.Name, launcher.ExitCode));
        Assert.Equal([50_000_000L, 60_000_000L], launcher.Rss.Select(s => s.Rss!.Value));
    }
}
